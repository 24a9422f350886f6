// Package clockify is a Go SDK for the member-management part of the Clockify REST API:
// workspace members (list, filter, invite, activate and deactivate, rates, managers, custom
// fields), member profiles (week start, daily work capacity, working days, custom fields),
// manager roles, and the credentials a program uses.
//
// # Client
//
//	c, err := clockify.NewClient(clockify.WithAPIKey(key), clockify.WithRegion(clockify.RegionEU))
//
// NewClient needs exactly one credential: WithAPIKey (header X-Api-Key) or WithAddonToken
// (X-Addon-Token); Clockify refuses requests carrying both or neither. NewClientFromEnv reads
// CLOCKIFY_API_KEY or CLOCKIFY_ADDON_TOKEN and optionally CLOCKIFY_REGION or CLOCKIFY_BASE_URL;
// options given explicitly win over the environment. The API address comes from one of
// WithBaseURL (the API root before /v1), WithRegion or WithSubdomain; giving two of them is an
// error rather than a silent choice.
//
// Methods take a context first, then the workspace id, then other ids, then the request, and
// return (result, *Response, error) like go-github. Empty ids, unknown enum values and
// out-of-range numbers are refused with a *ValidationError before anything is sent.
//
// # Credentials
//
// The credential is never written to errors, logs, or fmt output of the Client (it shows a
// Fingerprint instead), and it is attached only to requests for the configured scheme and host:
// a redirect to another host goes without it.
//
// # Retries and rate limits
//
// Requests go through go-retryablehttp. 429, 502, 503, 504 and transport errors are retried
// with capped exponential backoff and full jitter (DefaultRetryPolicy: 4 retries, 500 ms to
// 30 s); a Retry-After header is honoured up to the policy's maximum wait. Calls that are not
// safe to repeat (inviting a member, adding limited members) are retried only on 429 or when
// the request never reached the server. The context's deadline and cancellation always win.
//
// Each client paces itself with a token bucket: DefaultRateLimit (50 requests per second,
// Clockify's limit for paid workspaces) unless WithRateLimit, WithFreePlanRateLimit (30 per
// hour, for new Free-plan workspaces), WithRateLimiter or WithoutRateLimit say otherwise.
// Every attempt counts, including retries and bulk helpers.
//
// # Errors
//
// A refusal from Clockify is an *APIError carrying the status, Clockify's code and message.
// errors.Is maps it to sentinels: ErrUnauthorized, ErrInvalidAPIKey (401, code 4003),
// ErrInvalidAddonToken (4017), ErrAuthConflict (1000), ErrForbidden, ErrNotFound (Clockify
// answers 400 with code 501 "doesn't belong to Workspace" for a missing or foreign id, not 404),
// ErrRouteNotFound (404, code 3000), ErrMethodNotAllowed, ErrRateLimited and ErrServer.
//
// # Pagination
//
// Pages are 1-based and at most MaxPageSize (5000) long. The All-style methods return an
// iter.Seq2 that fetches lazily, stops on Clockify's Last-Page header (or a short page when the
// header is missing), reports ErrPageRepeated if the server repeats a page, and stops fetching
// as soon as the loop breaks.
package clockify
