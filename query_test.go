package clockify

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// generalURL is the URL the general path (go-querystring, url.Values.Encode) makes of q.
func generalURL(t testing.TB, c *Client, path string, q any) string {
	enc, err := encodeQuery(q)
	require.NoError(t, err)
	if enc == "" {
		return c.baseURL + path
	}
	return c.baseURL + path + "?" + enc
}

// assertSameQuery checks that the fast path encodes q exactly as the general path does.
func assertSameQuery(t testing.TB, c *Client, q any) {
	const path = "v1/workspaces/ws1/users"
	got, err := c.requestURL(op{path: path, query: q})
	require.NoError(t, err)
	assert.Equal(t, generalURL(t, c, path, q), got, "%#v", q)
}

// setField gives v (a field of a list's options) a non-zero value that needs escaping.
func setField(v reflect.Value, s string, n int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Int:
		v.SetInt(int64(n))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		sl := reflect.MakeSlice(v.Type(), 2, 2)
		sl.Index(0).SetString(s)
		sl.Index(1).SetString("LIMITED")
		v.Set(sl)
	case reflect.Struct: // an embedded ListOptions
		for i := range v.NumField() {
			setField(v.Field(i), s, n)
		}
	default:
		panic("query fast path: no test value for a field of kind " + v.Kind().String())
	}
}

// Every field of the SDK's list options, alone and all together, with values that need
// escaping, encodes as go-querystring encodes it: a field added later without its fast-path
// line fails here instead of being silently dropped from requests.
func TestRequestURL_fastPathMatchesGoQuerystringOnEveryField(t *testing.T) {
	c, err := NewClient(WithAPIKey(testKey))
	require.NoError(t, err)
	for _, opts := range []any{&ListMembersOptions{}, &ListManagersOptions{}, &ListOptions{}} {
		typ := reflect.TypeOf(opts).Elem()
		assertSameQuery(t, c, reflect.New(typ).Interface())
		assertSameQuery(t, c, reflect.Zero(reflect.TypeOf(opts)).Interface()) // a nil pointer
		all := reflect.New(typ)
		for i := range typ.NumField() {
			one := reflect.New(typ)
			setField(one.Elem().Field(i), "a b&c=d/é+%", -7)
			assertSameQuery(t, c, one.Interface())
			setField(all.Elem().Field(i), "ACTIVE", 5000)
		}
		assertSameQuery(t, c, all.Interface())
	}
}

func TestRequestURL_otherQueriesTakeTheGeneralPath(t *testing.T) {
	c, err := NewClient(WithAPIKey(testKey))
	require.NoError(t, err)
	u, err := c.requestURL(op{path: "v1/user", query: struct {
		A string `url:"a"`
	}{"x y"}})
	require.NoError(t, err)
	assert.Equal(t, c.baseURL+"v1/user?a=x+y", u)
}

func FuzzRequestURL_fastPathMatchesGoQuerystring(f *testing.F) {
	f.Add("a@b.c", "Ada L", "p1", "ACTIVE", "ACTIVE,LIMITED", "EMAIL", "ASCENDING", "ALL", true, 2, 50)
	f.Add("", "", "", "", "", "", "", "", false, 0, 0)
	f.Add("x&y=z", "%zz", "é", "?", ",", "#", "+", " ", false, -1, 5001)
	c, err := NewClient(WithAPIKey(testKey))
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, email, name, project, status, accounts, sortCol, sortOrder, memberships string,
		roles bool, page, size int) {
		var statuses []AccountStatus
		if accounts != "" {
			for _, s := range strings.Split(accounts, ",") {
				statuses = append(statuses, AccountStatus(s))
			}
		}
		lo := ListOptions{Page: page, PageSize: size}
		assertSameQuery(t, c, &lo)
		assertSameQuery(t, c, &ListMembersOptions{Email: email, Name: name, ProjectID: project,
			Status: MembershipStatus(status), AccountStatuses: statuses, SortColumn: SortColumn(sortCol),
			SortOrder: SortOrder(sortOrder), Memberships: MembershipsInclude(memberships), IncludeRoles: roles, ListOptions: lo})
		assertSameQuery(t, c, &ListManagersOptions{SortColumn: SortColumn(sortCol), SortOrder: SortOrder(sortOrder), ListOptions: lo})
	})
}

// FuzzParsedURL_matchesURLParse: a request URL built from its pieces is the URL
// http.NewRequest would have parsed, for any base URL and id.
func FuzzParsedURL_matchesURLParse(f *testing.F) {
	f.Add("https://api.clockify.me/api", "64b1f0a2c3d4e5f6aaaa0002", "a b", 2)
	f.Add("http://127.0.0.1:8080", "u1", "", 0)
	f.Add("http://h:/x%2Fy", "é", "x&y", 1)
	f.Add("http://[::1]:", "a~b.c_d-e", "", 5)
	f.Add("HTTP://User@Host/Base/", "%41", "#", 0)
	f.Fuzz(func(t *testing.T, base, id, email string, page int) {
		c, err := NewClient(WithAPIKey(testKey), WithBaseURL(base))
		if err != nil {
			return
		}
		for _, o := range []op{
			{path: profilePath("ws", id)},
			{path: "v1/workspaces/" + url.PathEscape(id) + "/users", query: &ListMembersOptions{Email: email, ListOptions: ListOptions{Page: page}}},
			{path: "v1/user", query: url.Values{"q": {email}}},
		} {
			s, err := c.requestURL(o)
			if err != nil {
				continue
			}
			want, wantErr := url.Parse(s)
			got, err := c.parsedURL(o)
			if wantErr != nil {
				require.Error(t, err, "%q", s)
				continue
			}
			require.NoError(t, err, "%q", s)
			want.Host = strings.TrimSuffix(want.Host, ":") // as http.NewRequest does
			assert.Equal(t, want, got, "%q", s)
		}
	})
}
