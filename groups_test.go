package clockify

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGroupsList_sendsFiltersAndDecodes(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/user-groups", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "includeTeamManagers=true&name=night&page=2&page-size=10&project-id=p1&sort-column=NAME&sort-order=DESCENDING",
			r.URL.RawQuery)
		w.Header().Set("Last-Page", "true")
		fmt.Fprint(w, "["+userGroupJSON+"]")
	})
	groups, resp, err := client.Groups.List(ctx, "ws1", &ListGroupsOptions{Name: "night", ProjectID: "p1",
		SortColumn: GroupSortByName, SortOrder: Descending, IncludeTeamManagers: true, ListOptions: ListOptions{Page: 2, PageSize: 10}})
	require.NoError(t, err)
	require.Len(t, groups, 1)
	assert.Equal(t, UserGroup{ID: "g1", Name: "Night shift", WorkspaceID: "ws1", UserIDs: []string{"u1", "u9"},
		TeamManagers: []UserSummary{{ID: "u9"}}}, *groups[0])
	assert.Equal(t, 2, resp.Page)
	assert.True(t, resp.LastPage)
}

func TestGroupsList_invalidOptionsAreValidationErrors(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	for name, o := range map[string]*ListGroupsOptions{
		"sort column": {SortColumn: "EMAIL"},
		"sort order":  {SortOrder: "UP"},
		"page size":   {ListOptions: ListOptions{PageSize: MaxPageSize + 1}},
	} {
		_, _, err := client.Groups.List(ctx, "ws1", o)
		assert.ErrorIs(t, err, ErrInvalidInput, name)
	}
}

func TestGroupsAll_followsLastPage(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/user-groups", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "200", r.URL.Query().Get("page-size"))
		page := r.URL.Query().Get("page")
		w.Header().Set("Last-Page", fmt.Sprint(page == "2"))
		fmt.Fprintf(w, `[{"id":"g%s","name":"G%s"}]`, page, page)
	})
	var names []string
	for g, err := range client.Groups.All(ctx, "ws1", nil) {
		require.NoError(t, err)
		names = append(names, g.Name)
	}
	assert.Equal(t, []string{"G1", "G2"}, names)
}

func TestGroupsFindByName_comparesExactly(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/user-groups", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "Design", r.URL.Query().Get("name"))
		assert.Equal(t, "5000", r.URL.Query().Get("page-size"))
		w.Header().Set("Last-Page", "true")
		fmt.Fprint(w, `[{"id":"g1","name":"Design Team"},{"id":"g2","name":"design"},{"id":"g3","name":"Design"}]`)
	})
	g, _, err := client.Groups.FindByName(ctx, "ws1", "Design")
	require.NoError(t, err)
	assert.Equal(t, "g3", g.ID)
}

func TestGroupsFindByName_noneIsNotFound(t *testing.T) {
	client, mux := setupServer(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/user-groups", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Last-Page", "true")
		fmt.Fprint(w, `[{"id":"g1","name":"Design Team"}]`)
	})
	_, _, err := client.Groups.FindByName(ctx, "ws1", "Design")
	assert.ErrorIs(t, err, ErrNotFound)
	assert.Equal(t, int32(1), int32(mux.count("GET /v1/workspaces/ws1/user-groups")))
}

func TestGroupsCreate_sendsName(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("POST /v1/workspaces/ws1/user-groups", func(w http.ResponseWriter, r *http.Request) {
		assert.JSONEq(t, `{"name":"Night shift"}`, readBody(t, r))
		w.WriteHeader(http.StatusCreated)
		fmt.Fprint(w, userGroupJSON)
	})
	g, _, err := client.Groups.Create(ctx, "ws1", "Night shift")
	require.NoError(t, err)
	assert.Equal(t, "g1", g.ID)
}

func TestGroupsCreate_notRetriedAfterServerError(t *testing.T) {
	client, mux := setupServer(t)
	mux.HandleFunc("POST /v1/workspaces/ws1/user-groups", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
	})
	_, _, err := client.Groups.Create(ctx, "ws1", "Night shift")
	assert.ErrorIs(t, err, ErrServer)
	assert.Equal(t, int32(1), int32(mux.count("POST /v1/workspaces/ws1/user-groups")))
}

func TestGroupsCreate_duplicateNameIsNamed(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("POST /v1/workspaces/ws1/user-groups", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"message":"User group with that name already exists","code":3000}`)
	})
	mux.HandleFunc("GET /v1/workspaces/ws1/user-groups", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Last-Page", "true")
		fmt.Fprint(w, `[{"id":"g7","name":"Night shift"}]`)
	})
	_, _, err := client.Groups.Create(ctx, "ws1", "Night shift")
	assert.ErrorIs(t, err, ErrGroupExists)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
}

func TestGroupsCreate_invalidNamesAreValidationErrors(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	for _, name := range []string{"", "  ", strings.Repeat("é", MaxGroupName+1)} {
		_, _, err := client.Groups.Create(ctx, "ws1", name)
		assert.ErrorIs(t, err, ErrInvalidInput, name)
		_, _, err = client.Groups.Rename(ctx, "ws1", "g1", name)
		assert.ErrorIs(t, err, ErrInvalidInput, name)
	}
}

func TestGroupsCreate_nameOfMaxLengthIsSent(t *testing.T) {
	client, mux := setup(t)
	name := strings.Repeat("é", MaxGroupName)
	mux.HandleFunc("POST /v1/workspaces/ws1/user-groups", func(w http.ResponseWriter, r *http.Request) {
		assert.JSONEq(t, `{"name":"`+name+`"}`, readBody(t, r))
		fmt.Fprint(w, `{"id":"g1","name":"`+name+`"}`)
	})
	g, _, err := client.Groups.Create(ctx, "ws1", name)
	require.NoError(t, err)
	assert.Equal(t, name, g.Name)
}

func TestGroupsRename_sendsPut(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("PUT /v1/workspaces/ws1/user-groups/g1", func(w http.ResponseWriter, r *http.Request) {
		assert.JSONEq(t, `{"name":"Night crew"}`, readBody(t, r))
		fmt.Fprint(w, `{"id":"g1","name":"Night crew","workspaceId":"ws1","userIds":[]}`)
	})
	g, _, err := client.Groups.Rename(ctx, "ws1", "g1", "Night crew")
	require.NoError(t, err)
	assert.Equal(t, "Night crew", g.Name)
}

// A group's own name, in any case, is not a clash with itself.
func TestGroupsRename_toItsOwnNameIsNotADuplicate(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("PUT /v1/workspaces/ws1/user-groups/g1", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"message":"something else","code":3000}`)
	})
	mux.HandleFunc("GET /v1/workspaces/ws1/user-groups", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `[{"id":"g1","name":"Night"}]`)
	})
	for _, name := range []string{"Night", "NIGHT"} {
		_, _, err := client.Groups.Rename(ctx, "ws1", "g1", name)
		assert.NotErrorIs(t, err, ErrGroupExists, name)
		var apiErr *APIError
		assert.ErrorAs(t, err, &apiErr, name)
	}
}

func TestGroupsDelete_unknownIsNotFound(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("DELETE /v1/workspaces/ws1/user-groups/g1", func(w http.ResponseWriter, r *http.Request) {
		assert.Empty(t, readBody(t, r))
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"message":"UserGroup doesn't belong to Workspace","code":501}`)
	})
	_, _, err := client.Groups.Delete(ctx, "ws1", "g1")
	assert.ErrorIs(t, err, ErrNotFound)
	assert.False(t, errors.Is(err, ErrGroupExists))
}

func TestGroupsDelete_returnsDeletedGroup(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("DELETE /v1/workspaces/ws1/user-groups/g1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, userGroupJSON)
	})
	g, _, err := client.Groups.Delete(ctx, "ws1", "g1")
	require.NoError(t, err)
	assert.Equal(t, "Night shift", g.Name)
}

func TestGroups_badIDsAreValidationErrors(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	for _, id := range []string{"", "a/b", "a b"} {
		_, _, err := client.Groups.List(ctx, id, nil)
		assert.ErrorIs(t, err, ErrInvalidInput)
		_, _, err = client.Groups.FindByName(ctx, id, "x")
		assert.ErrorIs(t, err, ErrInvalidInput)
		_, _, err = client.Groups.Rename(ctx, "ws1", id, "x")
		assert.ErrorIs(t, err, ErrInvalidInput)
		_, _, err = client.Groups.Delete(ctx, "ws1", id)
		assert.ErrorIs(t, err, ErrInvalidInput)
	}
	_, _, err := client.Groups.FindByName(ctx, "ws1", "")
	assert.ErrorIs(t, err, ErrInvalidInput)
}

// Clockify compares group names without regard to case: a refused name that differs from an
// existing group's only in case is named ErrGroupExists, for Create and Rename alike, and the
// error names the existing group as it is spelled.
func TestGroupsCreateRename_duplicateInAnotherCaseIsGroupExists(t *testing.T) {
	client, mux := setup(t)
	refuse := func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"message":"User group with name 'night SHIFT' already exists"}`)
	}
	mux.HandleFunc("POST /v1/workspaces/ws1/user-groups", refuse)
	mux.HandleFunc("PUT /v1/workspaces/ws1/user-groups/g2", refuse)
	mux.HandleFunc("GET /v1/workspaces/ws1/user-groups", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "night SHIFT", r.URL.Query().Get("name"))
		w.Header().Set("Last-Page", "true")
		fmt.Fprint(w, `[{"id":"g7","name":"Night shift"}]`)
	})
	_, _, err := client.Groups.Create(ctx, "ws1", "night SHIFT")
	assertRestriction(t, err, ErrGroupExists, "")
	assert.Contains(t, err.Error(), `"Night shift"`)
	var apiErr *APIError
	assert.ErrorAs(t, err, &apiErr)

	_, _, err = client.Groups.Rename(ctx, "ws1", "g2", "night SHIFT")
	assertRestriction(t, err, ErrGroupExists, "")
}
