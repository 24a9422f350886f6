package clockify

import (
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
