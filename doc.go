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
// time spent waiting for the rate limiter does not count against it.
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
// with capped exponential backoff and full jitter (DefaultRetryPolicy: 4 retries, 500 ms to
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
// https://clockify.me/help/fr/getting-started/webhook-and-api-limitations) is not documented,
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
// null where a value is expected is ErrEmptyResponse, never a zero value. A nil or zero Client
// (not made by NewClient) answers ErrNoClient from its own methods, APIKeys and Roles.Of.
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
// # Types
//
// Weekday is a day as Clockify spells it; WeekdaySet is a set of days that travels as a JSON
// array, written Monday-first and read in any order (also from the JSON-string form in
// Clockify's spec example). Duration is an ISO-8601 duration, written canonically with hours as
// the largest unit ("PT7H30M", "PT26H", "PT0S"); ParseDuration also reads days, weeks and
// fractions ("P1DT2H", "PT7.5H") and refuses years, months and negative values, whose length is
// not fixed or which Clockify does not accept. Money is an amount in minor units.
package clockify
