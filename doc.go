// Package clockify is a Go SDK for the member-management part of the Clockify REST API:
// workspace members (list, filter, invite, activate and deactivate, rates, managers, groups,
// custom fields), member profiles (week start, daily work capacity, working days, custom
// fields), manager roles, and the credentials a program uses. Clockify's API reference is
// https://docs.clockify.me/ ; each method's comment names the endpoint it calls there.
//
//	c, err := clockify.NewClient(clockify.WithAPIKey(key), clockify.WithRegion(clockify.RegionEU))
//	for m, err := range c.Members.All(ctx, wsID, nil) { ... }
//	p, _, err := c.Profiles.Update(ctx, wsID, userID, &clockify.ProfileUpdate{
//		WorkCapacity: clockify.Ptr(clockify.Hours(7.5)), // PT7H30M
//		WorkingDays:  clockify.Ptr(clockify.Weekdays),   // MONDAY..FRIDAY
//	})
//
// Package clockifytest is an in-memory fake Clockify server for testing code that uses this
// package without an account.
//
// # Client
//
// NewClient needs exactly one credential: WithAPIKey (header X-Api-Key) or WithAddonToken
// (X-Addon-Token); Clockify refuses requests carrying both or neither, so NewClient does too.
// NewClientFromEnv reads CLOCKIFY_API_KEY or CLOCKIFY_ADDON_TOKEN and optionally
// CLOCKIFY_REGION or CLOCKIFY_BASE_URL; options given explicitly win over the environment, and
// an empty variable counts as unset. The API address comes from one of WithBaseURL (the API
// root before /v1; a URL ending in /v1 is refused, not trimmed), WithRegion (any name
// ParseRegion accepts, "eu" as well as RegionEU; never empty) or WithSubdomain.
//
// One rule covers every option: each setting is given once. Two options for the same setting
// (two WithAPIKey, WithRegion twice, WithRateLimit and WithoutRateLimit) make NewClient fail
// with a *ValidationError naming both, even when they agree, rather than one silently winning.
// Code that builds clients for others wraps its choices in Defaults, which later options may
// replace.
//
// Methods take a context first, then the workspace id, then other ids, then the request, and
// return (result, *Response, error) like go-github. Empty ids, ids containing '/', unknown
// enum values and out-of-range numbers are refused with a *ValidationError
// (errors.Is(err, ErrInvalidInput)) before anything is sent rather than dropped or corrected
// (a WeekdaySet built from a typo is invalid, not shortened). The few normalisations are
// documented where they happen: Invite trims spaces around the address, and RateChange.Since
// is sent in UTC to the second, the precision Clockify stores.
// Request bodies carry only what the caller set; responses are decoded tolerantly (unknown
// fields ignored, null settings, names and rates accepted).
//
// Without WithHTTPClient the client uses its own transport and a 60-second timeout per attempt;
// time spent waiting for the rate limiter does not count against it. An http.Client's Timeout
// given with WithHTTPClient is applied the same way, per attempt. Under a context that can
// never be cancelled (context.Background), attempts that start within a short time of each
// other share one deadline, so an attempt may run up to 1/64 of the timeout longer (under a
// second of 60 s) but never less; a context that can be cancelled gets an exact deadline per
// attempt. Either way an expired attempt is a net.Error whose Timeout is true, matching
// context.DeadlineExceeded, and the caller's own deadline stays the caller's error.
// A success body is read whole, then decoded; the buffers it is read into are reused by later
// calls (up to 4 MiB each, as a page of a few thousand members needs) and, like any sync.Pool,
// released by the garbage collector when the client is idle. Decoded values never share them.
//
// # Credentials
//
// The credential is never written to errors, logs or fmt output of the Client (a Fingerprint
// stands in for it), is replaced by its fingerprint if an error body echoes it (also
// JSON-escaped), and is attached only to requests for the configured scheme and host. A
// redirect to another scheme or host is not followed at all (ErrRedirectElsewhere), so neither
// the credential nor the request's body reaches it and no answer from it passes for
// Clockify's; Response.Request never carries the credential.
//
// Clockify's API cannot create, list, rename, delete or deactivate API keys; that is done only
// in the web app (Profile settings → Preferences → Advanced → Manage API keys, see
// https://clockify.me/help/administration/api-webhook-settings). A key acts with
// its owner's permissions and works only in the region or workspace subdomain where it was
// generated; anywhere else Clockify answers 401 code 4003, exactly as for a deleted key.
// APIKeys.Verify checks a credential at start-up and says whose it is, which workspaces it
// reaches and whether its user is owner or admin there (four requests; with an addon token,
// which GET /v1/workspaces refuses, one). APIKeys.Rotate swaps in a key generated in the web
// app without a restart: it tries the new key alone first, refuses another user's key
// (ErrKeyOwnerMismatch), and swaps atomically under concurrent use. Call Verify first, so that
// Rotate knows the key's user even after the web app has deactivated the old key.
//
// # Retries and rate limits
//
// Requests go through go-retryablehttp. 429, 502, 503, 504 and transport errors are retried
// with capped exponential backoff and full jitter (DefaultRetryPolicy(): 4 retries, 500 ms to
// 30 s); a Retry-After header, in seconds or as a date, is honoured up to the policy's maximum
// wait. Calls that are not safe to repeat (Members.Invite, Members.AddLimited: Clockify ignores
// Idempotency-Key) are retried only on 429 or when the request never reached the server.
// Reads, the member filter (a POST that only reads) and writes that set state (status, rates,
// profile, roles, groups: holding a role twice is holding it once) are retried. Certificate
// errors and other 4xx answers are never retried. The context's deadline and cancellation
// always win, except that an answer the server already gave stands; when a Retry-After would
// outlast the deadline, the 429 (with its RetryAfter) comes back at once instead of a wait.
//
// Each client paces itself. How Clockify counts its limit of 50 requests per second for paid
// workspaces (new Free-plan workspaces get 30 per hour, see
// https://clockify.me/help/getting-started/webhook-and-api-limitations) is not documented,
// so by default requests are spaced evenly, 49 per 1.05 s (one every 21.4 ms, 46.7 per second):
// never more than 50 in any one-second window however it is placed, with 50 ms to spare for
// network jitter, as the ratelimit/redisrate module counts for limits shared across processes.
// WithRateLimit (a token bucket at exactly the given rate), WithFreePlanRateLimit,
// WithRateLimiter (one limiter shared by several clients) or WithoutRateLimit say otherwise.
// Every attempt counts, including retries and bulk helpers, so a bulk job runs at the limit
// without provoking 429s. A limiter's own failure is returned as it is; only rate.Limiter's
// early refusal of a wait that would outlast the context's deadline reads as
// context.DeadlineExceeded.
//
// # Errors
//
// A refusal from Clockify is an *APIError carrying the status, Clockify's code and message,
// the method and path, RetryAfter on 429 and 503, and Attempts (how many times the call was
// sent; errors after retries say so, transport errors too). errors.Is maps it to sentinels:
// ErrUnauthorized, ErrInvalidAPIKey (401, code 4003), ErrInvalidAddonToken (4017),
// ErrAuthConflict (1000), ErrForbidden, ErrNotFound (Clockify answers 400 with code 501
// "doesn't belong to Workspace" for a missing or foreign id, not 404), ErrRouteNotFound (404,
// code 3000), ErrMethodNotAllowed, ErrRateLimited and ErrServer.
//
// A broken or hostile server gets bounded work and an error: a success body is read up to
// DefaultMaxResponseBytes (64 MiB after decompression; WithMaxResponseBytes) and a larger one
// fails with ErrResponseTooLarge as soon as the limit is passed; a 2xx with no body or a JSON
// null where a value is expected is ErrEmptyResponse, never a zero value; anything but white
// space after the JSON value is a decode error rather than ignored. A nil or zero Client
// (not made by NewClient) answers ErrNoClient from its own methods and from every method of its
// (nil) services; their iterators yield it once.
//
// # Product rules
//
// Clockify documents rules for member changes but no error code for any of them, so the SDK
// names the rule itself, from what the API exposes (the workspace's plan, features and
// memberships; the profile's workspaceNumber and hasPendingApprovalRequest; the member's
// account status; who holds the owner and admin roles; who the caller is). A change that one of
// them blocks fails with a *RestrictionError whose Rule is one of ErrPaidFeature,
// ErrMultipleWorkspaces, ErrMemberInactive, ErrInvitationPending, ErrOwnerProfile,
// ErrPendingApprovals, ErrLimitedMemberOnly, ErrOwnerOnly, ErrOwnerImmutable,
// ErrMustDeactivateFirst or ErrRemovedInCAKE, and whose Err is the server's *APIError when the
// server refused; errors.Is and errors.As reach both.
//
// The help centre states the rules:
//   - https://clockify.me/help/administration/edit-profiles: profile editing is a paid feature
//     (week start excepted); a member in several workspaces, an inactive or invited member and
//     the owner cannot be edited; week start is fixed while approvals are pending; name and
//     picture belong to the CAKE.com account.
//   - https://clockify.me/help/users/admins: only the owner removes the admin role or
//     deactivates an admin, and the owner cannot be deactivated.
//   - https://clockify.me/help/troubleshooting/unable-to-deactivate: only the owner revokes a
//     pending invitation, on the CAKE.com account's Members page.
//   - https://cake.com/help/administration/deactivate-and-delete-user-account: members are
//     deactivated first and deleted in the CAKE.com account.
//   - https://clockify.me/help/users/inviting-users and
//     https://clockify.me/help/track-time-and-expenses/limited-users: invitations and limited
//     members.
//
// A write costs one request when it succeeds (Members.Remove excepted, see below). Only when
// Clockify refuses it with a 4xx that does not explain itself (not 401, 404, 405, 429, nor a
// missing id) does the SDK look up the facts and return the rule it finds, or the plain
// *APIError when none applies or a lookup fails. The lookups cost at most three requests for a
// profile update, four for Deactivate and three for Roles.Remove; a search whose page Clockify
// marks Last-Page: false costs one more, since the SDK follows the header rather than guess.
// Profiles.Check (at most three requests, on the same terms) runs the diagnosis before
// writing, in this order: ErrPaidFeature (Free plan or no EDIT_MEMBER_PROFILE; custom fields also need
// USER_CUSTOM_FIELDS; a change of week start alone is free on every plan),
// ErrMultipleWorkspaces (only work capacity and working days may change), ErrMemberInactive,
// ErrInvitationPending (a declined invitation counts as not accepted), ErrLimitedMemberOnly
// (name and image), ErrOwnerProfile, ErrPendingApprovals (only a week start that differs from
// the current one). A workspace that lists no features at all is judged by its plan only.
//
// Members.Remove reads the workspace first and refuses, without sending the DELETE, to remove
// the owner (ErrOwnerImmutable), an active member (ErrMustDeactivateFirst) or a pending
// invitation (ErrInvitationPending). Clockify's removal endpoint is deprecated and answers
// "User is migrated to Cake" for everyone else, reported as ErrRemovedInCAKE: members are
// deleted on the CAKE.com account's Members page after being deactivated in every workspace.
// Members.Deactivate names ErrOwnerImmutable, ErrInvitationPending and ErrOwnerOnly (an admin
// deactivated by a non-owner); Roles.Remove names ErrOwnerOnly for the admin role. Feature
// gates name ErrPaidFeature: LIMITED_USERS, LABOR_COST (cost rates), HISTORIC_RATES (a rate's
// Since), USER_CUSTOM_FIELDS, MANAGER_ROLE, and a paid plan for invites.
//
// Who may do what (https://clockify.me/help/users/who-can-do-what): only the workspace owner
// and its admins invite, add limited members, activate and deactivate, set workspace and
// project rates, create, rename and delete groups and change their members, set another
// member's custom-field value, stop another member's timer, edit profiles and assign or remove
// roles; team and project managers cannot, whatever they manage. Clockify answers anyone else
// with a bare 403, which every such write returns as a *RestrictionError with Rule
// ErrAdminOnly wrapping the 403 (errors.Is(err, ErrForbidden) still holds); Profiles.Check
// names ErrAdminOnly first, before anything is sent. The caller's rights come from one request,
// GET /v1/workspaces?roles=WORKSPACE_ADMIN&roles=OWNER (the roles filter does not count owners
// as admins, so both are asked, repeated as OpenAPI sends the array the API reference
// declares), which the Client makes only after a 403 (or for Check), at
// most once per workspace for its lifetime, and again after APIKeys.Rotate; one answer also
// settles every workspace where the caller is an admin. An addon token acts as the owner and
// costs no request. Roles are not told apart further: Clockify has no single request naming
// a caller's manager roles, so the message says the key is neither an Admin's nor the Owner's.
// To fail fast before a run, ask Workspaces.CallerRole or APIKeys.Verify up front.
//
// # Lists and pagination
//
// Pages are 1-based and at most MaxPageSize (5000) long; a larger PageSize is a
// *ValidationError. The All-style methods (Members.All, FilterAll, ManagersAll) return an
// iter.Seq2 that fetches lazily (200 members a page unless PageSize says otherwise), stops on
// Clockify's Last-Page header (or a short page when the header is missing), and stops fetching
// as soon as the loop breaks; only one page is held at a time. An iterator never yields the
// same member twice: it remembers a 64-bit hash of each id it yielded (about 16 bytes per
// member, no allocation per member beyond the set's growth; the hash is seeded per iteration,
// so a server cannot make two ids collide, and the odds of a chance collision, which would skip
// a member, are about n²/2⁶⁵), skips members a page repeats (offset paging shifts when members
// are added meanwhile), and stops with ErrPageRepeated at the first page that brings nothing
// new, such as pages cycling A, B, A, B. Response.LastPage, for a go-github-style loop over
// List, Filter or Managers, is the Last-Page header when Clockify sends one and otherwise
// whether the page was shorter than the page size asked for (the member search sends none). Clockify's lists hide LIMITED members unless asked: pass
// AllAccountStatuses. account-statuses travels as one comma-joined value; include-roles and
// send-email, which Clockify declares required, are always sent.
//
// Members.AddLimited returns only the *Response, because Clockify does not document its
// answer; list with AccountStatuses {LIMITED} to find the new members. Roles.Of costs one
// filtered search per role (one when the member is the owner, else four, plus a profile read
// when no search lists the member, so that a non-member is ErrNotFound) and reports the owner
// as OWNER only; for which projects or users someone manages, list with IncludeRoles and read
// User.RoleGrants, whose shape Clockify does not document (the SDK reads the role-grant shape
// and skips anything else). RateChange.Since is sent in UTC to the second, and omitted when
// zero. Profiles.UpdateMany runs changes for the same member one after another, in input order.
//
// # Lookups, groups, workspaces, timers and pictures
//
// Clockify has no GET for one member, one group or one running timer, so the SDK answers from
// the searches and compares exactly itself. Members.FindByEmail searches by e-mail (a substring
// match on Clockify's side) and returns the member whose address is equal, ignoring case: one
// request. Members.Get reads the member's profile for the e-mail (a limited member's name), then
// searches: two requests. Both find members of every status, and return them with their
// workspace membership and manager roles; none is ErrNotFound. Members.InviteMember is Invite
// followed by FindByEmail and returns the pending member; a pending member's profile cannot be
// edited until they accept (ErrInvitationPending). Groups.FindByName and Workspaces.FindByName
// compare names exactly; two workspaces of the same name are ErrAmbiguousName rather than a
// guess. Workspaces.CallerRole tells owner or admin in one or two requests, ListWithRoles every
// workspace with the caller's role in three. Groups.Create and Rename name a duplicate name
// ErrGroupExists (one lookup, after Clockify refuses); Create, like Invite, is not repeated once
// the server may have acted.
//
// Members.StopTimer is not retried once the request may have reached Clockify: repeated after
// the member started a new timer it would stop that one. Nothing running is a *RestrictionError
// matching ErrNoRunningTimer (Clockify answers 404 with code 404, so it also matches
// ErrNotFound), an end before the start one matching ErrEndBeforeStart. Times go to Clockify in
// UTC to the second. TimeEntry.Duration is Clockify's ISO-8601 duration as a Duration; End is nil and
// Duration zero while the timer runs. Profiles.GetMany reads many profiles with UpdateMany's
// concurrency, progress and per-member errors, one request each. Profiles.UploadImage sends a
// PNG, JPEG, GIF or WebP picture of at most MaxImageSize (5 MiB; Clockify documents no limit),
// recognised from its content, and returns the URL for a limited member's ProfileUpdate.ImageURL.
//
// # Rosters: plan, then apply
//
// Members.PlanRoster compares the workspace with a roster ([]MemberSpec: full members keyed by
// email, limited members by name) and returns a RosterPlan: invitations, new limited members,
// activations, deactivations, profile, role, group and rate changes, ordered per member as
// ApplyRoster applies them. Only what a spec sets is managed (nil Roles, Groups, rates or profile
// fields are left alone; non-nil empty Roles or Groups mean "none"); members not listed are left
// alone unless RosterOptions.DeactivateUnlisted, and the owner is never changed. Every action is
// judged by the same rule checks that explain refusals, fed from one reading of the workspace; an
// action Clockify would refuse stays in the plan with Blocked set to the *RestrictionError of its
// rule (ErrAdminOnly first for a key that is not an Admin's or the Owner's) and is never sent, so
// planning again after a successful ApplyRoster returns only blocked actions. A plan prints as a
// table and encodes to JSON (a blocked action's rule by its Go name); a decoded plan applies like
// the original. ApplyRoster re-reads the workspace first and checks each action against what the
// plan saw (status, role, group, rate, the profile fields it changes), so a stale plan fails the
// overtaken actions with ErrStalePlan instead of undoing a newer change, and the same plan applied
// twice applies nothing twice. Invitations and new limited members are never retried after the
// server may have acted; the member's later actions then wait for the next plan
// (ErrEarlierActionFailed). Planning costs about members/200 list requests, groups/200, five fixed
// requests and one profile read per existing member whose profile is managed, all through the
// client's rate limiter (1,000 members with profiles: 1,012 requests, about 20 s at 50/s).
//
// # Types
//
// Weekday is a day as Clockify spells it; WeekdaySet is a set of days that travels as a JSON
// array, written Monday-first and read in any order (also from the JSON-string form in
// Clockify's spec example). Duration is an ISO-8601 duration, written canonically with hours as
// the largest unit ("PT7H30M", "PT26H", "PT0S"); ParseDuration also reads days, weeks and
// fractions ("P1DT2H", "PT7.5H") and refuses years, months and negative values, whose length is
// not fixed or which Clockify does not accept. Money is an amount in minor units.
//
// Every value the SDK decodes encodes again with encoding/json and decodes to the same value,
// so results can be cached and logged: a week start never chosen (null or "" from Clockify) is
// the zero Weekday, written as null. Hours cannot fail, so for NaN, an infinity or more hours
// than a Duration holds it returns an invalid Duration (String "INVALID") that encoding and
// every request refuse. Work capacities are sent in whole seconds, between PT0S and PT24H;
// anything else is a *ValidationError naming the value in ISO-8601. Getters on results (such
// as User.Membership, Workspace.HasFeature and Workspace.Plan) are safe on a nil pointer and
// report nothing found, as in go-github.
package clockify
