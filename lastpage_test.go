package clockify

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The member search sends no Last-Page header; a go-github-style loop on resp.LastPage still
// ends: a short page is the last.
func TestFilter_lastPageWithoutHeader(t *testing.T) {
	client, srv := setupServer(t)
	all := []string{"u1", "u2", "u3", "u4", "u5"}
	srv.HandleFunc("POST /v1/workspaces/ws1/users/info", func(w http.ResponseWriter, r *http.Request) {
		var body struct{ Page, PageSize int }
		assert.NoError(t, json.NewDecoder(r.Body).Decode(&body))
		from := min((body.Page-1)*body.PageSize, len(all))
		usersPage(w, all[from:min(from+body.PageSize, len(all))]...)
	})
	f := &MemberFilter{ListOptions: ListOptions{Page: 1, PageSize: 2}}
	var got []string
	for range 10 {
		users, resp, err := client.Members.Filter(ctx, "ws1", f)
		require.NoError(t, err)
		for _, u := range users {
			got = append(got, u.ID)
		}
		assert.Equal(t, f.Page, resp.Page)
		if resp.LastPage {
			break
		}
		f.Page++
	}
	assert.Equal(t, all, got)
	assert.Equal(t, 3, srv.count("POST /v1/workspaces/ws1/users/info"))
}

func TestFilter_fullPageIsNotLastWithoutHeader(t *testing.T) {
	client, srv := setupServer(t)
	srv.HandleFunc("POST /v1/workspaces/ws1/users/info", func(w http.ResponseWriter, r *http.Request) {
		ids := make([]string, defaultPageSize)
		for i := range ids {
			ids[i] = fmt.Sprint("u", i)
		}
		usersPage(w, ids...)
	})
	_, resp, err := client.Members.Filter(ctx, "ws1", nil) // Clockify's default page of 50
	require.NoError(t, err)
	assert.False(t, resp.LastPage)
}

// The header, when present, wins over the page's length.
func TestList_lastPageHeaderWins(t *testing.T) {
	client, srv := setupServer(t)
	srv.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Last-Page", "false")
		usersPage(w, "u1")
	})
	_, resp, err := client.Members.List(ctx, "ws1", &ListMembersOptions{ListOptions: ListOptions{PageSize: 10}})
	require.NoError(t, err)
	assert.False(t, resp.LastPage)
}
