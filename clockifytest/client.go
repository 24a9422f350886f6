package clockifytest

import (
	"fmt"
	"time"

	"github.com/clockify-go/clockify"
)

// Client returns a *clockify.Client wired to the fake: base URL s.URL, the
// owner's API key (OwnerKey), an HTTP client whose connections Close
// releases, and FastRetryPolicy, so a test that meets injected 429s or 503s
// does not sleep half-second backoffs (WithRealRetryWaits keeps
// clockify.DefaultRetryPolicy() instead). opts are applied after these, so
// they can change retries (clockify.WithRetry(clockify.DefaultRetryPolicy())
// for the real waits in one client), rate limits and so on, but not add a second credential: to act as another user
// use ClientAs; to act as an add-on build the client yourself with
// clockify.NewClient(clockify.WithBaseURL(s.URL), clockify.WithAddonToken(tok)).
//
// Client panics if clockify.NewClient rejects opts; ClientE returns the error.
func (s *Server) Client(opts ...clockify.Option) *clockify.Client {
	c, err := s.ClientE(opts...)
	if err != nil {
		panic(fmt.Sprintf("clockifytest: Client: %v", err))
	}
	return c
}

// ClientE is Client returning NewClient's error instead of panicking.
func (s *Server) ClientE(opts ...clockify.Option) (*clockify.Client, error) {
	return s.clientWithKey(s.OwnerKey(), opts)
}

// ClientAs returns a *clockify.Client that acts as userID, with a fresh API
// key issued for that user. Like Client, it panics if NewClient rejects opts.
func (s *Server) ClientAs(userID string, opts ...clockify.Option) *clockify.Client {
	c, err := s.clientWithKey(s.IssueKey(userID), opts)
	if err != nil {
		panic(fmt.Sprintf("clockifytest: ClientAs: %v", err))
	}
	return c
}

func (s *Server) clientWithKey(key string, opts []clockify.Option) (*clockify.Client, error) {
	defaults := []clockify.Option{clockify.WithBaseURL(s.URL), clockify.WithHTTPClient(s.ts.Client())}
	if !s.realRetryWaits {
		defaults = append(defaults, clockify.WithRetry(FastRetryPolicy()))
	}
	// opts may replace the defaults (the last option for a setting wins); an addon token
	// beside the server's API key is refused.
	base := append([]clockify.Option{clockify.WithAPIKey(key)}, defaults...)
	return clockify.NewClient(append(base, opts...)...)
}

// FastRetryPolicy is the retry policy of the clients Client, ClientE and
// ClientAs return: as many retries as clockify.DefaultRetryPolicy(), waiting
// 2 to 50 ms instead of 500 ms to 30 s. A Retry-After header is honoured up
// to MaxWait, so a fault's Retry-After "2" costs 50 ms, not 2 s. It is a
// function, so what a test does with the value never changes other clients.
func FastRetryPolicy() clockify.RetryPolicy {
	return clockify.RetryPolicy{
		MaxRetries: clockify.DefaultRetryPolicy().MaxRetries,
		MinWait:    2 * time.Millisecond,
		MaxWait:    50 * time.Millisecond,
	}
}
