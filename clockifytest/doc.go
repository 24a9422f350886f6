// Package clockifytest is an in-memory fake of the Clockify REST API's
// member-management surface, for testing code that uses package clockify (or
// any other Clockify client) without an account.
//
// A Server is an httptest server that answers Clockify's member-management
// endpoints (https://docs.clockify.me/) with the live API's paths, verbs,
// query names, status codes, headers (Last-Page, Allow) and error bodies:
//
//	GET    /v1/user                                                  the current user
//	GET    /v1/workspaces, /v1/workspaces/{workspaceId}              workspaces: plan, features, memberships
//	GET    …/users, POST …/users/info                                members: list, search
//	POST   …/users?send-email=, …/limited-users                      invite; add limited members
//	PUT    …/users/{userId}; DELETE …/users/{userId}                 activate/deactivate; (refused) removal
//	PUT    …/users/{userId}/hourly-rate, …/cost-rate                 a member's workspace rates
//	PUT    …/projects/{projectId}/users/{userId}/hourly-rate, …/cost-rate  project rates
//	GET    …/member-profile/{userId}; PATCH the same                 member profile
//	PUT    …/users/{userId}/custom-field/{customFieldId}/value       custom-field value
//	GET    …/users/{userId}/managers                                 a member's team managers
//	POST   …/users/{userId}/roles; DELETE the same (JSON body)       manager and admin roles
//	GET    …/user-groups; POST …/user-groups                         user groups: list, create
//	PUT    …/user-groups/{userGroupId}; DELETE the same              rename, delete a group
//	POST   …/user-groups/{userGroupId}/users; DELETE …/users/{userId} group membership
//	GET    …/time-entries/status/in-progress                         running timers
//	PATCH  …/user/{userId}/time-entries {"end"}                      stop a member's timer
//	GET    …/user/{userId}/time-entries?in-progress=&page-size=      a member's time entries
//	PUT    …/hourly-rate, …/cost-rate                                workspace default rates
//	GET    …/approval-requests?status=&page=&page-size=              approval requests
//	GET/POST …/webhooks; GET/PUT/DELETE …/webhooks/{webhookId}       webhooks (and token, logs)
//	POST   /v1/file/image (multipart, part "file")                   upload a profile picture
//
// (… is /v1/workspaces/{workspaceId}.) It reproduces the live quirks: 400
// with code 501 for unknown ids, workingDays as an unordered JSON array, null
// settings and names for members who never onboarded, null rates, the nested
// role shape of role grants, 204 on role removal, 201 on custom-field values
// and new groups, and the workspace (not the user) as the answer to member
// mutations. It encodes its answers with its own wire structs, never with
// package clockify's types, so an SDK decoding mistake fails a test.
//
// # Usage
//
//	srv := clockifytest.NewDemoServer()
//	defer srv.Close()
//	c := srv.Client() // a *clockify.Client acting as the demo workspace's owner
//	for m, err := range c.Members.All(ctx, clockifytest.DemoWorkspaceID, nil) { ... }
//
// The server serves /v1/... at its root, so srv.URL is the base URL a client
// expects (clockify.WithBaseURL(srv.URL)). Raw requests work too:
//
//	req, _ := http.NewRequest("GET", srv.URL+"/v1/user", nil)
//	req.Header.Set("X-Api-Key", srv.OwnerKey())
//
// Client, ClientE and ClientAs(userID) return clients that retry with
// FastRetryPolicy (waits of milliseconds, Retry-After capped at 50 ms), so a
// test that meets injected 429s does not sleep for seconds. To keep
// clockify.DefaultRetryPolicy(), start the server WithRealRetryWaits, or pass
// clockify.WithRetry(clockify.DefaultRetryPolicy()) to one client. ClientAs
// acts as any member: a plain member, a team manager, a project manager.
//
// NewServer starts with one paid workspace (DefaultWorkspaceID) and its owner
// (DefaultOwnerID); NewDemoServer starts with a realistic team in the paid
// workspace "Acme Studio" (DemoWorkspaceID) and a free workspace
// (DemoFreeWorkspaceID): an owner, an admin, a team manager, a project
// manager, an ordinary member, a member of three workspaces, a member with
// pending approvals, an inactive member, a pending invitation and a limited
// member, three user groups, two projects (one with a project rate) and two
// running timers, each with a fixed Demo*ID. WithGeneratedMembers adds any
// number of ordinary members (10,000 seed in tens of milliseconds).
//
// # Seeding and assertions
//
// AddWorkspace, AddMember, AddCustomField, AddUserGroup, AddProject (with
// project rates) and AddTimeEntry (without End: a running timer) seed state;
// IssueKey / RevokeKey and IssueAddonToken / RevokeAddonToken manage
// credentials; SetFeatures and SetPendingApprovals change a seeded value;
// AcceptInvitation and DeclineInvitation play the invitee's part, so a test
// can walk invite → accept → edit the profile. Seeding panics on a mistake
// (unknown workspace, duplicate id or e-mail, invalid value), as test set-up
// should. Ids left empty are generated as 24-hex-character, MongoDB-style
// ids, deterministically.
//
// Member, Members, Workspace, Group, Project, TimeEntry, RunningTimer,
// UploadedImage and FindMemberByEmail return snapshots for assertions;
// Requests returns every request received (method, path, query, headers,
// body, status), with credential values replaced by Redacted and AuthHeader
// naming the credential header used.
//
// # Authentication
//
// Exactly one of X-Api-Key and X-Addon-Token must be sent. None, both, or any
// Authorization header gives 401 {"message":"Multiple or none auth tokens
// present","code":1000}; an unknown or revoked key gives 401 code 4003; an
// unknown add-on token (or any X-Marketplace-Token) gives 401 code 4017. An
// add-on token works in its one workspace, with the owner's rights; GET
// /v1/workspaces refuses it (401 code 1000), as the spec lists no add-on
// auth there. Authentication is checked before routing, as Spring Security
// does, so an unauthenticated request to an unknown route gets 401, not 404.
//
// # Who may do what
//
// As the help centre states (https://clockify.me/help/users/who-can-do-what,
// https://clockify.me/help/getting-started/team-overview), these operations
// are admin-only: the workspace owner or a workspace admin (or an add-on,
// which acts as the owner) may call them; anyone else, team and project
// managers included whatever they manage, gets 403 {"message":"Access
// Denied"}:
//   - inviting a member (POST …/users) and adding limited members;
//   - activating and deactivating (PUT …/users/{userId}) and removal;
//   - workspace and project hourly and cost rates;
//   - profile edits (PATCH …/member-profile/{userId});
//   - role assignment and removal (POST and DELETE …/users/{userId}/roles);
//   - creating, renaming and deleting user groups, and their membership;
//   - listing the running timers of the workspace;
//   - another member's custom-field value, another member's profile (read),
//     stopping another member's timer: a member may do these for
//     themselves (a custom-field value only when the field is not
//     onlyAdminCanEdit).
//
// Only the owner removes the admin role or deactivates an admin
// (https://clockify.me/help/users/admins). Every active member may read the
// current user, the workspace, the member list and search, a member's
// managers and the user groups; any key may upload an image.
//
// # Errors and product rules
//
// Clockify documents no status or code for its product rules (help centre:
// https://clockify.me/help/users/who-can-do-what,
// https://clockify.me/help/administration/edit-profiles), so the fake uses
// two classes, chosen by whether the rule is about the caller or about the
// target:
//
// Permission rules: 403 {"message":"Access Denied"} (no code, like the only
// observed 403):
//   - the admin-only operations above, for anyone else;
//   - inviting into a free workspace; a missing feature flag:
//     EDIT_MEMBER_PROFILE for profile updates (a change of weekStart alone is
//     allowed on every plan), USER_CUSTOM_FIELDS for custom-field values
//     (and userCustomFields in profile updates and limited members; an empty
//     userCustomFields list counts as absent everywhere, also for the
//     several-workspaces rule below), MANAGER_ROLE for team/project manager
//     roles, LABOR_COST for cost rates, HISTORIC_RATES for a rate with
//     since, LIMITED_USERS for limited members.
//
// State rules: 400 with a descriptive message and no code:
//   - profile update of the owner, of an inactive member, of a member who has
//     not accepted the invitation (PENDING or DECLINED);
//   - profile update of a member in more than one workspace (workspaceNumber
//     > 1) that sends anything besides workCapacity and workingDays;
//   - name, imageUrl or removeProfileImage for a member who is not LIMITED;
//   - a changed weekStart while hasPendingApprovalRequest is true;
//   - deactivating the owner; activating or deactivating a PENDING or
//     DECLINED member; removing the admin role from the owner;
//   - DELETE of an active member ("must be deactivated"), of the owner, or of
//     a pending member;
//   - a group name another group of the workspace has (case-insensitive);
//   - a timer's end before its start.
//
// DELETE …/users/{userId} never removes anyone: for a deactivated member it
// answers the observed 400 {"code":400,"message":"User is migrated to Cake.
// Use Cake to remove user from workspace"}. Stopping a timer when none runs
// answers 404 {"code":404,"message":"Currently running time entry doesn't
// exist on workspace <id> for user <id>."}, the answer Clockify has been
// recorded sending; code 404 tells it from an unknown route (code 3000).
//
// Framework errors come first and use the live codes: a missing body is 400
// code 3002 "Required request body is missing: …" (with a Java signature, as
// observed); a body that is not application/json (multipart/form-data for
// the image upload) is 415 code 3000; malformed JSON or an unknown enum value
// in a body is 400 code 3000 "JSON parse error: …" (so workingDays sent as a
// JSON string is refused); a query value that does not convert is 400 code
// 3000 "Method parameter 'X': Failed to convert …", except
// include-memberships on GET /v1/user, whose observed error has no code; a
// missing required query parameter or part is 400 code 3001 "Required
// request parameter 'X' for method parameter type T is not present"
// ("Required part 'file' is not present." for the upload); bean-validation
// failures (empty email, name over 100 characters, negative amount, 0 or more
// than 250 limited users, no end) are 400 without code. An unknown id —
// user, workspace the caller is not an active member of, custom field,
// group, project — is 400 code 501 "<Entity> doesn't belong to Workspace"
// ("Workspace doesn't belong to User" for a workspace). An unknown route is
// 404 code 3000 "No static resource v1/…."; a known route with the wrong verb
// is 405 code 3000 with an Allow header. As live, a single group and a
// group's users cannot be read: GET …/user-groups/{id} is 405 (Allow: PUT,
// DELETE) and GET …/user-groups/{id}/users is 405 (Allow: POST).
//
// # Choices where the live API is undocumented
//
//   - page is 1-based, page-size defaults to 50 (10 for running timers);
//     page < 1 and page-size outside 1..5000 (1..1000 for running timers)
//     are refused with 400 code 3000.
//   - Last-Page follows the rule recorded live: "false" on a full page,
//     "true" on a short or empty page, so an exactly full last page says
//     "false" and a client fetches one more, empty, page. Only the member
//     list, a member's managers and the user-group list send it; the member
//     search (POST …/users/info) and the running timers do not, so a client
//     must stop there on a short page.
//   - Without status, listings show every membership status; without
//     account-statuses, only ACTIVE, PENDING_EMAIL_VERIFICATION and
//     NOT_REGISTERED accounts (so LIMITED members are hidden). Multi-valued
//     query parameters (roles, account-statuses) may be repeated or
//     comma-joined.
//   - include-roles (member list) and send-email (invite) are required, as
//     Clockify declares them: a request without one is refused with 400 code
//     3001 before anything changes, so a client that forgets them fails
//     offline as it would live. An empty value counts as sent.
//   - With include-roles=true each user carries "roles": an array of
//     {"workspaceId","userId","role":{"id","name","source"}}; the owner
//     appears as role OWNER on the workspace id.
//   - workCapacity must be what java.time.Duration parses (so "PT7.5H" is
//     refused) and is echoed normalised ("PT90M" → "PT1H30M").
//   - POST …/limited-users answers {"workspaceId","users":[{"id","name"}]};
//     the live answer is an untyped object.
//   - Granting a role already held, removing a role not held, adding a user
//     already in a group and removing one who is not all succeed unchanged.
//   - The user-group list filters by name (substring, case-insensitive) and
//     sorts by sort-column NAME (default) or ID and sort-order; project-id is
//     not modelled and is ignored. Deleting a group answers the group as it
//     was and takes the team-manager roles over it away; its members stay.
//   - Running timers are listed most recently started first; each carries
//     the rate that applies (the member's project rate, else their workspace
//     rate, else the workspace's). Stopping answers the stopped entry
//     (TimeEntryDtoImplV1, without rates); end may carry any RFC 3339 offset
//     and is kept in UTC to the second.
//   - A project rate needs the member on the project (ProjectSeed.UserIDs);
//     otherwise 400 code 501 "User doesn't belong to Project". The answer is
//     the project (ProjectDtoImplV1) with its PROJECT memberships and rates.
//   - The image upload answers {"name","url"} with the stored file's name
//     (a new id and the upload's extension) and its URL on avatar.cake.com;
//     it checks neither size nor image type.
//
// # Known differences
//
// Beyond the choices above, the fake knowingly differs from, or guesses at,
// the live API here:
//   - The shape of "roles" under include-roles=true is an assumption (the
//     role-grant shape reused); Clockify has never documented or been
//     recorded sending it.
//   - Whether the live API refuses a missing include-roles or send-email is
//     unrecorded (a Spring defaultValue would make it optional); the fake
//     refuses, the safe side for a client.
//   - Groups always carry teamManagers, whatever includeTeamManagers says; a
//     duplicate group name's live status and message are unrecorded.
//   - The running-timers list is admin-only here; the live rule for other
//     members is undocumented.
//   - Time entries exist only as seeded (AddTimeEntry); the fake serves no
//     other time-entry endpoint.
//   - The rate limiter is one token bucket for the whole server; Clockify
//     counts per workspace (and per add-on per workspace for X-Addon-Token),
//     and a new Free-plan workspace gets 30 requests per hour.
//   - The member profile answers "name": "" for a member who never
//     onboarded (the member list answers null there, as recorded, and the
//     search follows the list); the live profile value for such a member is
//     unrecorded.
//
// # Rate limiting and faults
//
// Each request passes, in order: latency (WithLatency, SetLatency), the rate
// limiter (WithRateLimit, WithRateLimitBurst, SetRateLimit: 429
// {"message":"Too many requests","code":429}; Clockify documents neither
// this body nor any header, so the code is a guess and Retry-After, in whole
// seconds, is sent only with WithRateLimitRetryAfter(true)), injected faults
// (InjectFault), authentication, routing, the endpoint. So a rate-limited
// request consumes no fault, and a fault fires whatever the credentials. A
// Fault can answer any status with or without Retry-After and with any body,
// drop the connection, delay, truncate the real answer's body, or act after
// the endpoint ran (so its state change happened), for a number of matching
// requests (by method and path prefix).
//
// All methods of Server are safe for concurrent use.
package clockifytest
