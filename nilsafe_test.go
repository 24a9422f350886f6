package clockify

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

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
}

// Every exported method of every service of a zero Client (whose services are nil) answers
// ErrNoClient, and every iterator yields it once, instead of panicking. The methods are found by
// reflection, so a new one is covered as soon as it exists; validArg gives each argument a
// value that passes validation, so that the missing client is what the method reports.
func TestServices_zeroClientReturnsErrNoClient(t *testing.T) {
	zero := reflect.ValueOf(&Client{}).Elem()
	called := 0
	for i := range zero.NumField() {
		f := zero.Type().Field(i)
		if !f.IsExported() || !strings.HasSuffix(f.Type.String(), "Service") {
			continue
		}
		svc := zero.Field(i)
		require.True(t, svc.IsNil(), "%s of a zero Client", f.Name)
		for j := range svc.NumMethod() {
			m := svc.Type().Method(j)
			t.Run(f.Name+"."+m.Name, func(t *testing.T) {
				var out []reflect.Value
				require.NotPanics(t, func() {
					args := make([]reflect.Value, m.Type.NumIn()-1)
					for k := range args {
						args[k] = validArg(t, m.Type.In(k+1))
					}
					out = svc.Method(j).Call(args)
				})
				for _, err := range errorsOf(t, out) {
					assert.ErrorIs(t, err, ErrNoClient)
				}
			})
			called++
		}
	}
	assert.Greater(t, called, 40, "methods found by reflection")
}

// validArg is a value of type t that every service method accepts as input.
func validArg(t *testing.T, typ reflect.Type) reflect.Value {
	const id = "a@example.com" // an id, an e-mail, a name, a key and a file name at once
	monday := Monday
	v := map[reflect.Type]any{
		reflect.TypeFor[context.Context](): ctx,
		reflect.TypeFor[string]():          id,
		reflect.TypeFor[[]string]():        []string{id},
		reflect.TypeFor[any]():             "value",
		reflect.TypeFor[time.Time]():       time.Now(),
		reflect.TypeFor[io.Reader]():       strings.NewReader("\x89PNG\r\n\x1a\n image"),
		reflect.TypeFor[RateChange]():      RateChange{Amount: 100},
		reflect.TypeFor[RoleAssignment]():  TeamManagerOf(id),
		reflect.TypeFor[*ProfileUpdate]():  &ProfileUpdate{WeekStart: &monday},
		reflect.TypeFor[[]ProfileChange](): []ProfileChange{{UserID: id, Update: &ProfileUpdate{WeekStart: &monday}}},
		reflect.TypeFor[[]LimitedMember](): []LimitedMember{{Name: "Limited"}},
		reflect.TypeFor[[]MemberSpec]():    []MemberSpec{{Email: id}},
		reflect.TypeFor[*RosterPlan]():     &RosterPlan{WorkspaceID: id, Actions: []RosterAction{{Kind: RosterActivate, UserID: id}}},
		reflect.TypeFor[*WebhookRequest](): WorkspaceWebhook(id, "Hooks", "https://example.com/h", WebhookUserJoinedWorkspace),
	}[typ]
	switch {
	case v != nil:
		return reflect.ValueOf(v)
	case typ.Kind() == reflect.Pointer && (strings.HasSuffix(typ.Elem().Name(), "Options") || strings.HasSuffix(typ.Elem().Name(), "Filter")):
		return reflect.Zero(typ) // nil options and filters mean the defaults
	}
	t.Fatalf("no valid argument of type %v: add one to validArg", typ)
	return reflect.Value{}
}

// errorsOf is the errors a method's results carry: its error result, every BulkResult's Err, or
// everything an iterator yields (each an error: nothing else can come from a nil service).
func errorsOf(t *testing.T, out []reflect.Value) []error {
	last := out[len(out)-1]
	switch res := last.Interface().(type) {
	case error:
		return []error{res}
	case []BulkResult:
		return resultErrs(t, res, func(r BulkResult) error { return r.Err })
	case []RosterResult:
		return resultErrs(t, res, func(r RosterResult) error { return r.Err })
	}
	if last.Type().Implements(reflect.TypeFor[error]()) {
		return []error{nil} // a nil error result: fails the assertion
	}
	require.Equal(t, reflect.Func, last.Kind(), "a method returns an error, []BulkResult or an iterator, not %v", last.Type())
	var errs []error
	for item, err := range last.Seq2() {
		assert.True(t, item.IsNil(), "nothing but an error from a nil service")
		e, _ := err.Interface().(error)
		errs = append(errs, e)
	}
	require.Len(t, errs, 1, "an iterator yields the error once")
	return errs
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

// resultErrs is the Err of each result of a bulk call, which must report at least one.
func resultErrs[R any](t *testing.T, res []R, errOf func(R) error) []error {
	require.NotEmpty(t, res)
	errs := make([]error, len(res))
	for i, r := range res {
		errs[i] = errOf(r)
	}
	return errs
}
