package clockify

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A nil or zero Client answers ErrNoClient instead of panicking.
func TestClient_nilOrZeroReturnsErrNoClient(t *testing.T) {
	var nilClient *Client
	zero := &Client{}
	for name, c := range map[string]*Client{"nil": nilClient, "zero": zero} {
		t.Run(name, func(t *testing.T) {
			assert.NotPanics(t, func() {
				assert.Equal(t, "", c.BaseURL())
				assert.Contains(t, c.String(), "NewClient")
				assert.Contains(t, fmt.Sprintf("%v %#v", c, c), "NewClient")
			})
			_, err := c.call(ctx, getUser)
			assert.ErrorIs(t, err, ErrNoClient)
			_, _, err = do[User](ctx, c, getUser)
			assert.ErrorIs(t, err, ErrNoClient)
		})
	}
	// The zero Client's services are nil; the methods of this file's services say so.
	_, err := zero.APIKeys.Verify(ctx)
	assert.ErrorIs(t, err, ErrNoClient)
	assert.ErrorIs(t, zero.APIKeys.Rotate(ctx, "k"), ErrNoClient)
	_, err = zero.Roles.Of(ctx, "ws1", "u1")
	assert.ErrorIs(t, err, ErrNoClient)
}

func TestKeyInfo_nilWorkspace(t *testing.T) {
	var k *KeyInfo
	assert.NotPanics(t, func() {
		_, ok := k.Workspace("ws1")
		assert.False(t, ok)
	})
}

func TestRestrictionError_statusCode(t *testing.T) {
	before := &RestrictionError{Rule: ErrOwnerProfile}
	assert.Zero(t, before.StatusCode(), "refused before sending")
	after := &RestrictionError{Rule: ErrOwnerOnly, Err: &APIError{StatusCode: http.StatusForbidden}}
	assert.Equal(t, http.StatusForbidden, after.StatusCode())
	var nilErr *RestrictionError
	assert.Zero(t, nilErr.StatusCode())
}

// Roles.Of on an id that is not a member: ErrNotFound, as every other method answers.
func TestRolesOf_unknownMemberIsNotFound(t *testing.T) {
	client, srv := setupServer(t)
	srv.HandleFunc("POST /v1/workspaces/ws1/users/info", func(w http.ResponseWriter, r *http.Request) {
		usersPage(w, "owner1")
	})
	srv.HandleFunc("GET /v1/workspaces/ws1/member-profile/{id}", func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("id") == "member1" {
			fmt.Fprint(w, `{"email":"m@example.com","workCapacity":"PT8H"}`)
			return
		}
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"message":"User doesn't belong to Workspace","code":501}`)
	})
	roles, err := client.Roles.Of(ctx, "ws1", "typo1")
	require.ErrorIs(t, err, ErrNotFound)
	assert.Nil(t, roles)

	roles, err = client.Roles.Of(ctx, "ws1", "member1")
	require.NoError(t, err)
	assert.Empty(t, roles, "a member without roles")

	roles, err = client.Roles.Of(ctx, "ws1", "owner1")
	require.NoError(t, err)
	assert.Equal(t, []Role{RoleOwner}, roles)
	assert.Equal(t, 2, srv.count("GET /v1/workspaces/ws1/member-profile/typo1")+srv.count("GET /v1/workspaces/ws1/member-profile/member1"))
}
