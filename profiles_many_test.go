package clockify

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProfilesGetMany_resultsInOrderWithPerMemberErrors(t *testing.T) {
	client, mux := setupServer(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/member-profile/{id}", func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		if id == "u404" {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"message":"User doesn't belong to Workspace","code":501}`)
			return
		}
		fmt.Fprintf(w, `{"email":"%s@example.com","workCapacity":"PT7H","workingDays":["MONDAY"]}`, id)
	})
	ids := []string{"u1", "u404", "u2", "", "u3"}
	var progress []int
	results := client.Profiles.GetMany(ctx, "ws1", ids, &BulkOptions{Concurrency: 3, Progress: func(done, total int, r BulkResult) {
		assert.Equal(t, len(ids), total)
		progress = append(progress, done)
	}})
	require.Len(t, results, len(ids))
	for i, id := range ids {
		assert.Equal(t, id, results[i].UserID)
	}
	assert.Equal(t, "u1@example.com", results[0].Profile.Email)
	assert.Equal(t, Hours(7), results[2].Profile.WorkCapacity)
	assert.ErrorIs(t, results[1].Err, ErrNotFound)
	assert.Nil(t, results[1].Profile)
	assert.ErrorIs(t, results[3].Err, ErrInvalidInput)
	assert.NoError(t, results[4].Err)
	assert.Equal(t, []int{1, 2, 3, 4, 5}, progress)
	assert.Equal(t, int32(4), int32(len(mux.requests())), "one request per valid id")
}

func TestProfilesGetMany_cancelledMarksEveryMember(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	results := client.Profiles.GetMany(cctx, "ws1", []string{"u1", "u2"}, nil)
	for _, r := range results {
		assert.ErrorIs(t, r.Err, context.Canceled)
	}
}
