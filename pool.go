package clockify

import (
	"context"
	"sync"
)

// jobsByMember groups the indexes of results by member, in input order: one job per member,
// so that one worker works on a member's items one after another.
func jobsByMember(results []BulkResult) [][]int {
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
	return jobs
}

// runJobs runs the items of each job in order on workers goroutines, calling run(i, nil) for
// each, or run(i, ctx.Err()) for the items that were not started when ctx ended. It sends each
// item's index on the returned channel once run returns, and closes it after the last of total.
func runJobs(ctx context.Context, jobs [][]int, workers, total int, run func(i int, startErr error)) <-chan int {
	finished := make(chan int, total)
	each := func(job []int) {
		for _, i := range job {
			run(i, ctx.Err())
			finished <- i
		}
	}
	startPool(ctx, jobs, workers, each, each, func() { close(finished) })
	return finished
}

// startPool hands the jobs, in order, to workers goroutines that call work(job). Once ctx has
// ended, the jobs not yet handed out go to skip instead, called on the dispatching goroutine.
// done is called once every call of work and skip has returned. startPool itself returns at
// once.
func startPool(ctx context.Context, jobs [][]int, workers int, work, skip func(job []int), done func()) {
	queue := make(chan []int)
	var wg sync.WaitGroup
	wg.Add(workers)
	for range workers {
		go func() {
			defer wg.Done()
			for job := range queue {
				work(job)
			}
		}()
	}
	go func() {
		defer func() {
			close(queue)
			wg.Wait()
			done()
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
				skip(job)
			}
			return
		}
	}()
}

func notStarted(userID string, err error) error {
	return wrapf(err, "member %s not started", userID)
}
