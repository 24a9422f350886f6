package clockify

import (
	"context"
	"fmt"
	"sync"
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

// runBulk runs do(ctx, i) for every result under opts: at most Concurrency at once, results
// with the same UserID one after another in input order, Progress called from this goroutine,
// and a result wrapping ctx.Err() for every item not started once ctx ends. do fills
// results[i]; results[i].UserID must be set before.
func runBulk(ctx context.Context, results []BulkResult, opts *BulkOptions, do func(ctx context.Context, i int)) {
	var o BulkOptions
	if opts != nil {
		o = *opts
	}
	if ctx == nil {
		for i := range results {
			results[i].Err = &ValidationError{Field: "ctx", Reason: "must not be nil"}
			if o.Progress != nil {
				o.Progress(i+1, len(results), results[i])
			}
		}
		return
	}

	// Items of the same member form one job, run in input order by one worker.
	var jobs [][]int
	byUser := make(map[string]int, len(results))
	for i, r := range results {
		j, ok := byUser[r.UserID]
		if !ok {
			j = len(jobs)
			byUser[r.UserID] = j
			jobs = append(jobs, nil)
		}
		jobs[j] = append(jobs[j], i)
	}

	workers := o.Concurrency
	if workers <= 0 {
		workers = DefaultBulkConcurrency
	}
	workers = min(workers, len(jobs))

	// Each result is written by one goroutine before its index is sent on finished, and read
	// by this goroutine only after receiving it.
	finished := make(chan int, len(results))
	queue := make(chan []int)
	var wg sync.WaitGroup
	wg.Add(workers)
	for range workers {
		go func() {
			defer wg.Done()
			for job := range queue {
				for _, i := range job {
					if err := ctx.Err(); err != nil {
						results[i].Err = notStarted(results[i].UserID, err)
					} else {
						do(ctx, i)
					}
					finished <- i
				}
			}
		}()
	}
	go func() {
		defer func() {
			close(queue)
			wg.Wait()
			close(finished)
		}()
		for n, job := range jobs {
			if ctx.Err() == nil {
				select {
				case queue <- job:
					continue
				case <-ctx.Done():
				}
			}
			for _, job := range jobs[n:] {
				for _, i := range job {
					results[i].Err = notStarted(results[i].UserID, ctx.Err())
					finished <- i
				}
			}
			return
		}
	}()
	done := 0
	for i := range finished {
		done++
		if o.Progress != nil {
			o.Progress(done, len(results), results[i])
		}
	}
}

func notStarted(userID string, err error) error {
	return fmt.Errorf("clockify: member %s not started: %w", userID, err)
}
