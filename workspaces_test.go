package clockify

import (
	"fmt"
	"net/http"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// serveWorkspaces answers GET /v1/workspaces: all on no roles query, owned and administered on
// roles=OWNER and roles=WORKSPACE_ADMIN.
func serveWorkspaces(t *testing.T, mux *testServer, all, owned, administered string) {
	mux.HandleFunc("GET /v1/workspaces", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.RawQuery {
		case "":
			fmt.Fprint(w, all)
		case "roles=OWNER":
			fmt.Fprint(w, owned)
		case "roles=WORKSPACE_ADMIN":
			fmt.Fprint(w, administered)
		default:
			t.Errorf("unexpected query %q", r.URL.RawQuery)
		}
	})
}

func TestWorkspacesList_decodesCapturedShape(t *testing.T) {
	client, mux := setup(t)
	data, err := os.ReadFile("testdata/workspaces_2020.json")
	require.NoError(t, err)
	mux.HandleFunc("GET /v1/workspaces", func(w http.ResponseWriter, r *http.Request) {
		assert.Empty(t, r.URL.RawQuery)
		w.Write(data)
	})
	list, _, err := client.Workspaces.List(ctx)
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.NotEmpty(t, list[0].ID)
	assert.Equal(t, "", list[0].Plan(), "featureSubscriptionType null")
}

func TestWorkspacesGet_planAndFeatures(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, memberWorkspaceJSON)
	})
	ws, _, err := client.Workspaces.Get(ctx, "ws1")
	require.NoError(t, err)
	assert.Equal(t, "Wonderland", ws.Name)
	assert.Equal(t, "BUNDLE_YEAR_2024", ws.Plan())
}

func TestWorkspacesGet_unknownIsNotFound(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws9", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"message":"Workspace doesn't belong to User","code":501}`)
	})
	_, _, err := client.Workspaces.Get(ctx, "ws9")
	assert.ErrorIs(t, err, ErrNotFound)
}

func TestWorkspacesFindByName(t *testing.T) {
	client, mux := setupServer(t)
	serveWorkspaces(t, mux, `[{"id":"ws1","name":"Acme"},{"id":"ws2","name":"acme"},{"id":"ws3","name":"Twin"},{"id":"ws4","name":"Twin"}]`, "[]", "[]")

	ws, _, err := client.Workspaces.FindByName(ctx, "Acme")
	require.NoError(t, err)
	assert.Equal(t, "ws1", ws.ID)

	_, _, err = client.Workspaces.FindByName(ctx, "Acme Studio")
	assert.ErrorIs(t, err, ErrNotFound)

	_, _, err = client.Workspaces.FindByName(ctx, "Twin")
	assert.ErrorIs(t, err, ErrAmbiguousName)
	assert.ErrorContains(t, err, "ws3")
	assert.ErrorContains(t, err, "ws4")
	assert.Equal(t, int32(3), int32(mux.count("GET /v1/workspaces")), "one request per lookup")

	_, _, err = client.Workspaces.FindByName(ctx, "")
	assert.ErrorIs(t, err, ErrInvalidInput)
}

func TestWorkspacesCallerRole(t *testing.T) {
	tests := []struct {
		ws       string
		want     Role
		requests int32
	}{
		{"ws1", RoleOwner, 1},
		{"ws2", RoleWorkspaceAdmin, 2},
		{"ws3", "", 2},
	}
	for _, tc := range tests {
		client, mux := setupServer(t)
		serveWorkspaces(t, mux, "", `[{"id":"ws1"}]`, `[{"id":"ws2"}]`)
		role, _, err := client.Workspaces.CallerRole(ctx, tc.ws)
		require.NoError(t, err)
		assert.Equal(t, tc.want, role, tc.ws)
		assert.Equal(t, tc.requests, int32(mux.count("GET /v1/workspaces")), tc.ws)
	}
}

func TestWorkspacesListWithRoles(t *testing.T) {
	client, mux := setupServer(t)
	serveWorkspaces(t, mux, `[{"id":"ws1"},{"id":"ws2"},{"id":"ws3"}]`, `[{"id":"ws1"}]`, `[{"id":"ws2"}]`)
	list, _, err := client.Workspaces.ListWithRoles(ctx)
	require.NoError(t, err)
	require.Len(t, list, 3)
	assert.Equal(t, []Role{RoleOwner, RoleWorkspaceAdmin, ""}, []Role{list[0].Role, list[1].Role, list[2].Role})
	assert.Equal(t, int32(3), int32(mux.count("GET /v1/workspaces")))
}

func TestWorkspaces_badIDsAreValidationErrors(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	for _, id := range []string{"", "a/b"} {
		_, _, err := client.Workspaces.Get(ctx, id)
		assert.ErrorIs(t, err, ErrInvalidInput)
		_, _, err = client.Workspaces.CallerRole(ctx, id)
		assert.ErrorIs(t, err, ErrInvalidInput)
	}
}
