package clockify

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRequestURL_otherQueriesTakeTheGeneralPath(t *testing.T) {
	c, err := NewClient(WithAPIKey(testKey))
	require.NoError(t, err)
	u, err := c.requestURL(op{path: "v1/user", query: struct {
		A string `url:"a"`
	}{"x y"}})
	require.NoError(t, err)
	assert.Equal(t, c.baseURL+"v1/user?a=x+y", u)
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
