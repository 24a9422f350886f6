package clockify

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// usersPage answers a list of users with the given ids.
func usersPage(w http.ResponseWriter, ids ...string) {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprintf(`{"id":%q}`, id)
	}
	fmt.Fprint(w, "["+strings.Join(parts, ",")+"]")
}

// A server whose pages cycle A, B, A, B … with Last-Page: false forever.
func TestAll_cyclingPagesStopWithErrPageRepeated(t *testing.T) {
	client, srv := setupServer(t)
	srv.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Last-Page", "false")
		page, err := strconv.Atoi(r.URL.Query().Get("page"))
		assert.NoError(t, err)
		if page%2 == 1 {
			usersPage(w, "a1", "a2")
		} else {
			usersPage(w, "b1", "b2")
		}
	})
	var ids []string
	var gotErr error
	for u, err := range client.Members.All(ctx, "ws1", &ListMembersOptions{ListOptions: ListOptions{PageSize: 2}}) {
		if err != nil {
			gotErr = err
			break
		}
		ids = append(ids, u.ID)
	}
	require.ErrorIs(t, gotErr, ErrPageRepeated)
	assert.Equal(t, []string{"a1", "a2", "b1", "b2"}, ids, "each member once")
	assert.Equal(t, 3, srv.count("GET /v1/workspaces/ws1/users"), "stops at the first page with nothing new")
}

// Offset paging shifts when a member is added meanwhile: the repeated member is skipped,
// the new ones are yielded, and iterating goes on.
func TestPages_overlappingPageYieldsOnlyNewItems(t *testing.T) {
	src := &pageSource{pages: [][]*item{items("a", "b"), items("b", "c"), items("d")}}
	ids, err := collect(t, pages(ctx, 2, itemID, src.fetch))
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b", "c", "d"}, ids)
}

func TestPages_duplicateWithinPageYieldedOnce(t *testing.T) {
	src := &pageSource{pages: [][]*item{items("a", "a", "b")}}
	ids, err := collect(t, pages(ctx, 5, itemID, src.fetch))
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b"}, ids)
}

// The seen-set costs no allocation per member: 20,000 members in pages of 500 allocate only
// for the set's growth.
func TestPages_noAllocationPerMember(t *testing.T) {
	const total, size = 20000, 500
	pagesOf := make([][]*item, total/size)
	for p := range pagesOf {
		pagesOf[p] = make([]*item, size)
		for i := range pagesOf[p] {
			pagesOf[p][i] = &item{ID: fmt.Sprintf("%024x", p*size+i)}
		}
	}
	last := &Response{lastPageKnown: true, LastPage: true}
	more := &Response{lastPageKnown: true}
	fetch := func(_ context.Context, page int) ([]*item, *Response, error) {
		if page == len(pagesOf) {
			return pagesOf[page-1], last, nil
		}
		return pagesOf[page-1], more, nil
	}
	allocs := testing.AllocsPerRun(5, func() {
		n := 0
		for _, err := range pages(ctx, size, itemID, fetch) {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		if n != total {
			t.Fatalf("%d items", n)
		}
	})
	t.Logf("%.0f allocations for %d members", allocs, total)
	assert.Less(t, allocs, float64(total)/100)
}

// A nil context is the same *ValidationError from every iterator and from Roles.Of.
func TestIterators_nilContextIsValidationError(t *testing.T) {
	client, srv := setupServer(t)
	var nilCtx context.Context
	checks := map[string]func() error{
		"All": func() error {
			for _, err := range client.Members.All(nilCtx, "ws1", nil) {
				return err
			}
			return nil
		},
		"FilterAll": func() error {
			for _, err := range client.Members.FilterAll(nilCtx, "ws1", nil) {
				return err
			}
			return nil
		},
		"ManagersAll": func() error {
			for _, err := range client.Members.ManagersAll(nilCtx, "ws1", "u1", nil) {
				return err
			}
			return nil
		},
		"Roles.Of": func() error {
			_, err := client.Roles.Of(nilCtx, "ws1", "u1")
			return err
		},
		"Members.Current": func() error {
			_, _, err := client.Members.Current(nilCtx)
			return err
		},
	}
	want := errNilContext()
	for name, check := range checks {
		t.Run(name, func(t *testing.T) {
			err := check()
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, want, ve)
		})
	}
	assert.Empty(t, srv.sent())
}
