// Package clockify is a Go SDK for the member-management part of the Clockify REST API:
// workspace members, their profiles (week start, work capacity, working days, custom fields),
// manager roles, groups, rates, running timers, member-lifecycle webhooks, and a declarative
// roster that plans and applies a whole team's desired state. Clockify's API reference is
// https://docs.clockify.me/ ; each method's comment names the endpoint it calls.
//
// # Getting started
//
//	c, err := clockify.NewClient(clockify.WithAPIKey(key), clockify.WithRegion(clockify.RegionEU))
//	for m, err := range c.Members.All(ctx, wsID, nil) { ... }
//	p, _, err := c.Profiles.Update(ctx, wsID, userID, &clockify.ProfileUpdate{
//		WorkCapacity: clockify.Ptr(clockify.Hours(7.5)), // PT7H30M
//		WorkingDays:  clockify.Ptr(clockify.Weekdays),   // MONDAY..FRIDAY
//	})
//
// NewClient needs exactly one credential, WithAPIKey or WithAddonToken. NewClientFromEnv reads
// CLOCKIFY_API_KEY or CLOCKIFY_ADDON_TOKEN, and optionally CLOCKIFY_REGION or
// CLOCKIFY_BASE_URL. A key works only in the region or subdomain where it was made: pick it with
// WithRegion, WithSubdomain or WithBaseURL. When options give a setting twice the last one wins,
// except that an API key and an addon token together are refused.
//
// Every method takes a context, then the workspace id, then other ids, then the request, and
// returns (result, *Response, error). Bad input (an empty id, an unknown enum value, a capacity
// over 24 hours, an e-mail over 254 bytes, a name with control characters) is a
// *ValidationError before anything is sent; nothing the caller passed is dropped or corrected,
// except where a method says so (Invite trims spaces around the address; times go to Clockify
// in UTC to the second; UploadImage names the file after the picture's real format). Requests
// carry only what the caller set. A Client is safe for concurrent use.
//
// Package clockifytest is an in-memory fake Clockify server that enforces the documented
// rules; use it to test code built on this package without an account.
//
// # Common tasks
//
//   - Audit: Members.All iterates every member lazily; pass AccountStatuses: AllAccountStatuses()
//     to include limited members, which Clockify's lists leave out unless asked.
//     Workspaces.CallerRole and APIKeys.Verify say up front whether the key is an admin's.
//   - Find one member: Members.FindByEmail (one request, exact match ignoring case) or
//     Members.Get (two). Groups.FindByName and Workspaces.FindByName compare names exactly.
//   - Onboard: Members.Invite (or InviteMember, which also returns the pending member), then set
//     roles with Roles.Assign and groups with Members.AddToGroup. A profile can be edited only
//     after the invitee has joined (ErrInvitationPending): a USER_JOINED_WORKSPACE webhook tells
//     you when (see Webhooks).
//   - Offboard: Roles.Remove, Members.Deactivate. Clockify cannot remove members by API
//     (ErrRemovedInCAKE): they are deleted on the CAKE.com account's Members page.
//   - Bulk changes: Profiles.UpdateMany and GetMany run many members concurrently under the
//     client's rate limit and return a result per member, in input order.
//   - Running timers: Members.RunningTimer (one request) and StopTimer; RunningTimers lists the
//     workspace's.
//   - Approvals and rates: Members.PendingApprovals lists what blocks a week-start change
//     (ErrPendingApprovals says how many and since when); Members.SetHourlyRate and
//     Workspaces.SetHourlyRate take the same RateChange.
//   - Whole team: Members.PlanRoster and ApplyRoster (see Rosters).
//
// # Errors
//
// A refusal from Clockify is an *APIError (status, Clockify's code and message, method, path,
// RetryAfter, Attempts) that errors.Is matches against ErrUnauthorized, ErrInvalidAPIKey,
// ErrInvalidAddonToken, ErrAuthConflict, ErrForbidden, ErrNotFound (Clockify answers 400 with
// code 501 for an id from another workspace), ErrRouteNotFound, ErrMethodNotAllowed,
// ErrRateLimited and ErrServer.
//
// Clockify documents its product rules in the help centre but gives them no error code, so the
// SDK names them itself from what the API exposes. Every rule refusal, whether found before
// sending (Profiles.Check, Members.Remove, a roster plan) or after Clockify refused a write, is a
// *RestrictionError: errors.Is matches the rule's sentinel (ErrPendingApprovals, ErrOwnerOnly,
// ...) and Code returns its stable RuleCode ("pending_approvals"; RuleOf reads it through
// wrapping). Found before sending, its Err is nil and no HTTP sentinel matches; after Clockify
// refused, Err is the *APIError, so errors.As reaches it and its HTTP sentinel (ErrForbidden,
// ...) matches too. An *APIError by itself never matches a rule sentinel. A write that
// succeeds costs one request; the facts behind a diagnosis are read only after a refusal.
// SummarizeBulk and SummarizeRoster count a bulk run's or a roster's results (done, blocked,
// failed) and join their errors. The rules come from:
//   - https://clockify.me/help/administration/edit-profiles (profile editing)
//   - https://clockify.me/help/users/admins and https://clockify.me/help/users/who-can-do-what
//   - https://clockify.me/help/troubleshooting/unable-to-deactivate
//   - https://clockify.me/help/users/inviting-users and
//     https://clockify.me/help/track-time-and-expenses/limited-users
//   - https://cake.com/help/administration/deactivate-and-delete-user-account
//
// # Retries, rate limits and hostile servers
//
// 429, 502, 503, 504 and transport errors are retried with capped exponential backoff and full
// jitter (DefaultRetryPolicy(): 4 retries, 500 ms to 30 s; defaults are functions, so nothing a program
// does to a returned value changes another client), honouring Retry-After up to the
// policy's maximum wait. Writes that must not repeat (Invite, AddLimited, Groups.Create,
// Webhooks.Create, StopTimer) are retried only when the request never reached the server or on
// 429. The context's deadline and cancellation always win.
//
// Each client paces itself below Clockify's limit of ClockifyRateLimit (50) requests per second
// at DefaultRateLimit (46.7/s, evenly spaced); WithRateLimit, WithFreePlanRateLimit,
// WithRateLimiter (ratelimit/redisrate shares one budget across processes) and WithoutRateLimit
// change that. Every attempt counts, retries and bulk helpers included.
//
// Without WithHTTPClient each attempt has a 60-second timeout. A success body is read up to
// DefaultMaxResponseBytes (WithMaxResponseBytes); a larger one is ErrResponseTooLarge, an empty
// or null one where a value is expected ErrEmptyResponse, and data after the JSON value a decode
// error. The credential never appears in errors, logs or fmt output (Fingerprint stands in for
// it), and is sent only to the configured host; a redirect elsewhere is refused
// (ErrRedirectElsewhere).
//
// # Lists and pagination
//
// Pages are 1-based and at most MaxPageSize (5000) long. The All-style methods return an
// iter.Seq2 that fetches lazily, stops on Clockify's Last-Page header (or a short page), stops
// when the loop breaks, never yields a member twice and stops with ErrPageRepeated when a page
// brings nothing new. Response.LastPage serves go-github-style loops over List.
//
// # Rosters: plan, then apply
//
// Members.PlanRoster compares the workspace with a roster ([]MemberSpec: full members keyed by
// e-mail, limited members by name) and returns a RosterPlan of invitations, new limited
// members, activations, deactivations and profile, role, group and rate changes. Only what a
// spec sets is managed; the owner is never changed. Every action is judged by the same rules
// as a single call: one Clockify would refuse stays in the plan with Blocked set and is never
// sent. A plan prints as a table and encodes to JSON (formatVersion RosterPlanFormat, rules by
// their RuleCode); decoding refuses another version and anything MarshalJSON never writes.
// ApplyRoster sends nothing for a plan that fails RosterPlan.Validate, and puts every action,
// however the plan was made, through what the planner does: its member as the id names it in a
// fresh reading, the owner untouched, the rules, and a staleness check that fails overtaken
// actions with ErrStalePlan instead of undoing a newer change (so a plan applied twice applies
// nothing twice). Applies on one workspace take turns within the process; BulkOptions.Locker
// (a WorkspaceLocker, such as ratelimit/redisrate's Locker) makes them take turns across
// processes. Invitations and new limited members are never retried once the server may have
// acted. The README lists the requests each job costs.
//
// # Webhooks
//
// The Webhooks service manages Clockify's webhooks (Logs pages from 0, unlike the rest of the
// API). Clockify POSTs each event as JSON with two headers: Clockify-Signature, the webhook's
// AuthToken sent verbatim, and Clockify-Webhook-Event-Type. ParseWebhook (and the http.Handler
// of NewWebhookHandler) reads at most MaxWebhookBody, checks the signature against each token
// it is given in constant time (pass the old and the new token while rotating), and returns a
// *WebhookEvent. Clockify does not document the payloads: the SDK assumes a USER_* body is a
// user as the member endpoints return one (WebhookEvent.User) and a USER_GROUP_* body a user
// group (WebhookEvent.Group); an accessor for the wrong event is an error, and Payload always
// holds the raw bytes. A USER_JOINED_WORKSPACE webhook lets a program finish an invitee's
// onboarding the moment they join (examples/webhook-onboard).
//
// # Types
//
// Weekday is a day as Clockify spells it ("MONDAY"); WeekdaySet a set of days, a JSON array;
// Duration an ISO-8601 duration ("PT7H30M"), refusing years, months and negative values.
// ParseWeekday ("Mon") and ParseWeekdaySet ("MON-FRI", "Mon,Tue") read days as people write
// them; all three types implement encoding.TextUnmarshaler and flag.Value, while JSON keeps
// Clockify's spelling. Money is spelt one way in requests, an int64 in minor units
// (RateChange.Amount; MemberSpec.HourlyRate, where nil leaves the rate alone), and comes back as
// Money, the amount with its currency. Decoded values encode again to what was decoded. Getters on result pointers (such
// as User.Membership, Workspace.Plan, UserGroup.HasMember, TimeEntry.Running) are safe on a nil
// pointer and report nothing found.
//
// # Decoding
//
// Decoding keeps what Clockify sends. User, UserSettings, Membership, Workspace,
// WorkspaceSettings and TimeEntry type the keys callers and the rules use; every other key is
// kept as sent in the value's Extra map and written back by MarshalJSON, so a decode and
// re-encode loses nothing. A workspace's plan may come as a string, null or the object of the
// API reference (Workspace.FeaturePlan); Workspace.Plan names it from any of these and reports
// PlanUnreadable for a shape it cannot read. A user's role entries are read in both shapes seen
// (User.DecodeRoleGrants reports those it cannot read).
//
// # What only the web app can do
//
// Clockify's API cannot create, list or delete API keys (Profile settings → Preferences →
// Advanced → Manage API keys, https://clockify.me/help/administration/api-webhook-settings);
// APIKeys.Verify checks a key and APIKeys.Rotate swaps a new one into a running client.
package clockify
