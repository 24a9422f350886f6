package clockifytest

import (
	"fmt"

	"github.com/clockify-go/clockify"
)

// Client returns a *clockify.Client wired to the fake: base URL s.URL, the
// owner's API key (OwnerKey) and an HTTP client whose connections Close
// releases. opts are applied after these, so they can change retries, rate
// limits and so on, but not add a second credential: to act as another user
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
	base := []clockify.Option{
		clockify.WithBaseURL(s.URL),
		clockify.WithAPIKey(key),
		clockify.WithHTTPClient(s.ts.Client()),
	}
	return clockify.NewClient(append(base, opts...)...)
}
