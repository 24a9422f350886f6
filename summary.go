package clockify

import (
	"errors"
	"fmt"
)

// Summary counts the outcomes of a bulk run (Profiles.UpdateMany, Profiles.GetMany) or of an
// applied roster (Members.ApplyRoster), for a report or an exit status:
//
//	s := clockify.SummarizeBulk(c.Profiles.UpdateMany(ctx, ws, changes, nil))
//	fmt.Println(s) // "12 done, 2 blocked, 1 failed"
//	if s.Err != nil {
//		log.Print(s.Err) // one line per error, in the order of the results
//	}
type Summary struct {
	// Done counts the results without an error.
	Done int
	// Blocked counts the results refused by one of Clockify's rules: their error is a
	// *RestrictionError, whether the SDK found the rule before sending (a blocked roster action)
	// or after Clockify refused.
	Blocked int
	// Failed counts the results with any other error: invalid input, an API error no rule
	// explains, a stale roster plan, a change never started because the context ended, ...
	Failed int
	// Rules counts the blocked results by rule code; nil when none is blocked. A rule this version
	// does not know (in a plan decoded from a newer SDK) counts under "".
	Rules map[RuleCode]int
	// Err joins (errors.Join) the errors of the blocked and failed results, in the order of the
	// results; nil when every result is done. errors.Is and errors.As see each of them.
	Err error
}

// Total is the number of results summarized: Done + Blocked + Failed.
func (s Summary) Total() int { return s.Done + s.Blocked + s.Failed }

// String reads "12 done, 2 blocked, 1 failed".
func (s Summary) String() string {
	return fmt.Sprintf("%d done, %d blocked, %d failed", s.Done, s.Blocked, s.Failed)
}

// SummarizeBulk counts the results of Profiles.UpdateMany or Profiles.GetMany.
func SummarizeBulk(results []BulkResult) Summary {
	errs := make([]error, len(results))
	for i, r := range results {
		errs[i] = r.Err
	}
	return summarize(errs)
}

// SummarizeRoster counts the results of Members.ApplyRoster. A blocked action (never sent) counts
// as blocked, like one Clockify refused under a rule; an action not attempted because an earlier
// action of its member failed counts as failed.
func SummarizeRoster(results []RosterResult) Summary {
	errs := make([]error, len(results))
	for i, r := range results {
		errs[i] = r.Err
	}
	return summarize(errs)
}

// summarize counts errs, one per result (nil for a result that is done).
func summarize(errs []error) Summary {
	var s Summary
	var failures []error
	for _, err := range errs {
		var re *RestrictionError
		switch {
		case err == nil:
			s.Done++
			continue
		case errors.As(err, &re):
			s.Blocked++
			if s.Rules == nil {
				s.Rules = map[RuleCode]int{}
			}
			s.Rules[re.Code()]++
		default:
			s.Failed++
		}
		failures = append(failures, err)
	}
	s.Err = errors.Join(failures...)
	return s
}
