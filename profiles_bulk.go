package clockify

import (
	"context"
)

// DefaultBulkConcurrency is how many changes a bulk helper works on at once when BulkOptions
// does not say. The client's rate limiter, not the concurrency, sets the pace; a few workers
// are enough to keep up with it while each waits for its answer.
const DefaultBulkConcurrency = 4

// ProfileChange is one member's profile update in a bulk run.
type ProfileChange struct {
	UserID string
	Update *ProfileUpdate
}

// BulkOptions tunes a bulk run. The zero value (or nil) is fine.
type BulkOptions struct {
	// Concurrency is how many changes are in flight at once; 0 or less means
	// DefaultBulkConcurrency.
	Concurrency int
	// Progress, if set, is called once per change as it finishes, with how many have finished
	// out of total. Calls are made one at a time, from the goroutine that called the bulk
	// method, with done increasing by one each time; a slow Progress does not hold up requests.
	Progress func(done, total int, r BulkResult)
	// Locker is used only by Members.ApplyRoster: when set, an apply also holds the lock
	// RosterLockKey(workspaceID) of this locker while it re-reads and changes the workspace,
	// so applies in several processes never interleave (applies within one process always
	// take turns). The ratelimit/redisrate module has a Redis-backed one.
	Locker WorkspaceLocker
}

// BulkResult is the outcome of one change of a bulk run. Err is nil on success and otherwise
// the error the single-item method would have returned (*ValidationError,
// *RestrictionError, *APIError, ...), or the context's error for a change never started.
type BulkResult struct {
	UserID  string
	Profile *Profile
	Err     error
}

// UpdateMany applies each change with Update and returns one result per change, in the order
// of changes, whatever the order in which they finish. Every change gets a result: an invalid
// change fails alone with its *ValidationError and costs no request; a refused one carries its
// own error while the others go on.
//
// Requests go through the client's rate limiter like any other call, so the run proceeds at
// the configured rate and never above it; Concurrency only bounds how many changes are in
// flight. Changes for the same member are applied one after another, in input order, so the
// last one wins as it would in a loop.
//
// When ctx is cancelled no new change starts: changes in flight end with the context's error
// (or their own result if they finished), and every change not started gets an error wrapping
// ctx.Err(), so errors.Is(r.Err, context.Canceled) holds for them.
//
// Clockify API: PATCH /v1/workspaces/{workspaceId}/member-profile/{userId}, once per change
func (s *ProfilesService) UpdateMany(ctx context.Context, workspaceID string, changes []ProfileChange, opts *BulkOptions) []BulkResult {
	results := make([]BulkResult, len(changes))
	for i, ch := range changes {
		results[i].UserID = ch.UserID
	}
	runBulk(ctx, results, opts, func(ctx context.Context, i int) {
		results[i].Profile, _, results[i].Err = s.Update(ctx, workspaceID, changes[i].UserID, changes[i].Update)
	})
	return results
}

// runBulk runs do(ctx, i) for every result under opts (UpdateMany, GetMany): at most
// Concurrency at once, results of the same member one after another in input order, Progress
// called from this goroutine, and an error wrapping ctx.Err() for every item not started when
// ctx ends. do fills results[i]; results[i].UserID is set before.
func runBulk(ctx context.Context, results []BulkResult, opts *BulkOptions, do func(ctx context.Context, i int)) {
	o := orZero(opts)
	progress := func(done int, r BulkResult) {
		if o.Progress != nil {
			o.Progress(done, len(results), r)
		}
	}
	if ctx == nil {
		for i := range results {
			results[i].Err = &ValidationError{Field: "ctx", Reason: "must not be nil"}
			progress(i+1, results[i])
		}
		return
	}

	jobs := jobsByMember(results)
	workers := o.Concurrency
	if workers <= 0 {
		workers = DefaultBulkConcurrency
	}
	// Each result is written by one goroutine before its index is sent on finished, and read
	// by this goroutine only after receiving it.
	finished := runJobs(ctx, jobs, min(workers, len(jobs)), len(results), func(i int, startErr error) {
		if startErr != nil {
			results[i].Err = notStarted(results[i].UserID, startErr)
			return
		}
		do(ctx, i)
	})
	done := 0
	for i := range finished {
		done++
		progress(done, results[i])
	}
}

// GetMany reads the profiles of the members userIDs (week start, capacity, working days,
// custom fields), with the concurrency, progress and per-member errors of UpdateMany, and
// returns one result per id in the order given: Profile set, or Err the error Get would have
// returned (an unknown id matches ErrNotFound) while the others go on. A repeated id is read
// once per occurrence.
//
// It costs one request per member. Requests go through the client's rate limiter, so an audit
// of a thousand members at the default 50 requests per second takes about 20 seconds; when ctx
// ends, every member not yet read gets an error wrapping ctx.Err().
//
// Clockify API: GET /v1/workspaces/{workspaceId}/member-profile/{userId}, once per member
func (s *ProfilesService) GetMany(ctx context.Context, workspaceID string, userIDs []string, opts *BulkOptions) []BulkResult {
	results := make([]BulkResult, len(userIDs))
	for i, id := range userIDs {
		results[i].UserID = id
	}
	runBulk(ctx, results, opts, func(ctx context.Context, i int) {
		results[i].Profile, _, results[i].Err = s.Get(ctx, workspaceID, userIDs[i])
	})
	return results
}
