package clockify

import (
	"strings"
)

// requestURL is the base URL, o.path and o.query encoded (encodeQuery).
func (c *Client) requestURL(o op) (string, error) {
	enc, err := encodeQuery(o.query)
	if err != nil || enc == "" {
		return c.baseURL + o.path, err
	}
	return c.baseURL + o.path + "?" + enc, nil
}

// requestHost is host as http.NewRequest sets it: without an empty port ("example.org:").
func requestHost(host string) string {
	return strings.TrimSuffix(host, ":")
}
