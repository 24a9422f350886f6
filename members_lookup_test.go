package clockify

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lookupQuery is the query every member lookup sends besides email or name.
const lookupQuery = "account-statuses=ACTIVE%2CPENDING_EMAIL_VERIFICATION%2CDELETED%2CNOT_REGISTERED%2CLIMITED%2CLIMITED_DELETED" +
	"&include-roles=true&memberships=WORKSPACE&page=1&page-size=200&status=ALL"

// substringMatches is what Clockify answers a search for "ada@example.com": every e-mail
// containing it.
const substringMatches = `[
	{"id":"u2","email":"grenada@example.com","name":"Gren"},
	{"id":"u1","email":"Ada@Example.com","name":"Ada","memberships":[{"userId":"u1","targetId":"ws1","membershipType":"WORKSPACE","membershipStatus":"PENDING"}]}]`

func TestMembersFindByEmail_exactCaseInsensitive(t *testing.T) {
	client, mux := setupServer(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "ada@example.com", r.URL.Query().Get("email"))
		q := r.URL.Query()
		q.Del("email")
		assert.Equal(t, lookupQuery, q.Encode())
		w.Header().Set("Last-Page", "true")
		fmt.Fprint(w, substringMatches)
	})
	u, _, err := client.Members.FindByEmail(ctx, "ws1", "ada@example.com")
	require.NoError(t, err)
	assert.Equal(t, "u1", u.ID)
	m, ok := u.Membership("ws1")
	require.True(t, ok)
	assert.Equal(t, MembershipPending, m.MembershipStatus)
	assert.Equal(t, int32(1), int32(mux.count("GET /v1/workspaces/ws1/users")))
}

func TestMembersFindByEmail_substringOnlyIsNotFound(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Last-Page", "true")
		fmt.Fprint(w, `[{"id":"u2","email":"grenada@example.com"}]`)
	})
	_, _, err := client.Members.FindByEmail(ctx, "ws1", "ada@example.com")
	assert.ErrorIs(t, err, ErrNotFound)
}

func TestMembersFindByEmail_followsPages(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("page") == "1" {
			w.Header().Set("Last-Page", "false")
			fmt.Fprint(w, `[{"id":"u2","email":"grenada@example.com"}]`)
			return
		}
		w.Header().Set("Last-Page", "true")
		fmt.Fprint(w, `[{"id":"u1","email":"ada@example.com"}]`)
	})
	u, _, err := client.Members.FindByEmail(ctx, "ws1", "ada@example.com")
	require.NoError(t, err)
	assert.Equal(t, "u1", u.ID)
}

func TestMembersFindByEmail_badInputIsValidationError(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	for _, email := range []string{"", "ada", " ada@example.com", "Ada <ada@example.com>"} {
		_, _, err := client.Members.FindByEmail(ctx, "ws1", email)
		assert.ErrorIs(t, err, ErrInvalidInput, email)
	}
	_, _, err := client.Members.FindByEmail(ctx, "", "ada@example.com")
	assert.ErrorIs(t, err, ErrInvalidInput)
}

func TestMembersGet_profileThenSearchByEmail(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/member-profile/u1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"email":"Ada@Example.com","name":"Ada","workspaceNumber":1}`)
	})
	mux.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "Ada@Example.com", r.URL.Query().Get("email"))
		w.Header().Set("Last-Page", "true")
		fmt.Fprint(w, substringMatches)
	})
	u, _, err := client.Members.Get(ctx, "ws1", "u1")
	require.NoError(t, err)
	assert.Equal(t, "Ada", u.Name)
}

func TestMembersGet_limitedMemberBySearchByName(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/member-profile/u3", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"email":null,"name":"Tomás Vega"}`)
	})
	mux.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "Tomás Vega", r.URL.Query().Get("name"))
		assert.False(t, r.URL.Query().Has("email"))
		w.Header().Set("Last-Page", "true")
		fmt.Fprint(w, `[{"id":"u4","name":"Tomás Vega Jr"},{"id":"u3","name":"Tomás Vega","status":"LIMITED"}]`)
	})
	u, _, err := client.Members.Get(ctx, "ws1", "u3")
	require.NoError(t, err)
	assert.Equal(t, AccountLimited, u.Status)
}

func TestMembersGet_unknownIsNotFound(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/member-profile/u9", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"message":"User doesn't belong to Workspace","code":501}`)
	})
	_, _, err := client.Members.Get(ctx, "ws1", "u9")
	assert.ErrorIs(t, err, ErrNotFound)
}

func TestMembersInviteMember_invitesThenFinds(t *testing.T) {
	client, mux := setupServer(t)
	mux.HandleFunc("POST /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "send-email=false", r.URL.RawQuery)
		assert.JSONEq(t, `{"email":"ada@example.com"}`, readBody(t, r))
		fmt.Fprint(w, memberWorkspaceJSON)
	})
	mux.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Last-Page", "true")
		fmt.Fprint(w, substringMatches)
	})
	u, _, err := client.Members.InviteMember(ctx, "ws1", " ada@example.com ", &InviteOptions{SendEmail: Ptr(false)})
	require.NoError(t, err)
	assert.Equal(t, "u1", u.ID)
	assert.Equal(t, int32(1), int32(mux.count("POST /v1/workspaces/ws1/users")))
}

func TestMembersInviteMember_lookupFailureSaysInvited(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("POST /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, memberWorkspaceJSON)
	})
	mux.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
	})
	_, _, err := client.Members.InviteMember(ctx, "ws1", "ada@example.com", nil)
	assert.ErrorIs(t, err, ErrForbidden)
	assert.ErrorContains(t, err, "was invited")
}

func TestMembersInviteMember_refusedInviteIsNotLookedUp(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("POST /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"message":"Api key does not exist","code":4003}`)
	})
	failOnUnexpectedRequest(t, mux)
	_, _, err := client.Members.InviteMember(ctx, "ws1", "ada@example.com", nil)
	assert.ErrorIs(t, err, ErrInvalidAPIKey)
	assert.NotContains(t, err.Error(), "was invited")
}
