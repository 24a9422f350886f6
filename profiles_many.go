package clockify

import "context"

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
