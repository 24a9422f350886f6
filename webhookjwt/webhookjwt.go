// Package webhookjwt verifies the webhooks Clockify sends to a Marketplace add-on. For those,
// the Clockify-Signature header is not a stored token but an RS256 JWT signed by CAKE.com, with
// the claims iss "clockify", sub the add-on's key, type "addon", workspaceId and addonId. Verify
// it with the public key CAKE.com publishes for add-ons (see the CAKE.com marketplace developer
// documentation). Webhooks made through the API carry their plain authToken instead: verify
// those with clockify.ParseWebhook.
//
// It is a module of its own, so that the SDK itself depends on no JWT library. The JWT is
// parsed and checked by github.com/golang-jwt/jwt/v5, with only RS256 accepted (never "none",
// never an HMAC keyed with the public key).
//
//	v := &webhookjwt.Verifier{Key: cakePublicKey, AddonKey: "my-addon"}
//	claims, err := v.VerifyRequest(r) // then read the body as usual
package webhookjwt

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/golang-jwt/jwt/v5"
)

// HeaderSignature is the header a delivery carries the token in.
const HeaderSignature = "Clockify-Signature"

// ErrInvalidToken: the token is missing, malformed, not signed by the key with RS256, expired,
// or its claims are not those of this add-on (issuer, subject, type, workspace). Errors wrap it
// and say which; they never contain the token.
var ErrInvalidToken = errors.New("webhookjwt: invalid add-on webhook token")

// Claims are the claims of an add-on webhook token.
type Claims struct {
	jwt.RegisteredClaims
	// Type is "addon" for an add-on's token.
	Type        string `json:"type"`
	WorkspaceID string `json:"workspaceId"`
	AddonID     string `json:"addonId"`
}

// Verifier checks add-on webhook tokens. Key is required; the other fields, when set, must
// match the token's claims.
type Verifier struct {
	// Key is CAKE.com's public key for add-on tokens.
	Key *rsa.PublicKey
	// AddonKey is the add-on's key, which the token's subject must be.
	AddonKey string
	// WorkspaceID, when set, is the only workspace accepted.
	WorkspaceID string
}

// Verify checks token and returns its claims: signed with Key using RS256, issuer "clockify",
// type "addon", not expired nor used before its time when it says so (60 s of clock skew are
// allowed), subject AddonKey and workspace WorkspaceID when those are set.
func (v *Verifier) Verify(token string) (*Claims, error) {
	if v == nil || v.Key == nil {
		return nil, errors.New("webhookjwt: Verifier.Key is required")
	}
	if token == "" {
		return nil, fmt.Errorf("%w: no token", ErrInvalidToken)
	}
	opts := []jwt.ParserOption{
		jwt.WithValidMethods([]string{jwt.SigningMethodRS256.Alg()}),
		jwt.WithIssuer("clockify"),
		jwt.WithLeeway(60 * time.Second),
	}
	if v.AddonKey != "" {
		opts = append(opts, jwt.WithSubject(v.AddonKey))
	}
	var claims Claims
	_, err := jwt.ParseWithClaims(token, &claims, func(*jwt.Token) (any, error) { return v.Key, nil }, opts...)
	if err != nil {
		return nil, fmt.Errorf("%w: %s", ErrInvalidToken, reason(err))
	}
	switch {
	case claims.Type != "addon":
		return nil, fmt.Errorf("%w: type is %q, not \"addon\"", ErrInvalidToken, truncate(claims.Type))
	case v.WorkspaceID != "" && claims.WorkspaceID != v.WorkspaceID:
		return nil, fmt.Errorf("%w: for workspace %q, not %s", ErrInvalidToken, truncate(claims.WorkspaceID), v.WorkspaceID)
	}
	return &claims, nil
}

// VerifyRequest verifies the token in r's Clockify-Signature header. It does not read the body.
func (v *Verifier) VerifyRequest(r *http.Request) (*Claims, error) {
	if r == nil {
		return nil, fmt.Errorf("%w: no request", ErrInvalidToken)
	}
	return v.Verify(strings.TrimSpace(r.Header.Get(HeaderSignature)))
}

// reason names what jwt refused, without its token.
func reason(err error) string {
	for _, e := range []struct {
		err  error
		says string
	}{
		{jwt.ErrTokenMalformed, "malformed"},
		{jwt.ErrTokenSignatureInvalid, "bad signature or signing method"},
		{jwt.ErrTokenUnverifiable, "unverifiable (signing method not RS256)"},
		{jwt.ErrTokenExpired, "expired"},
		{jwt.ErrTokenNotValidYet, "not valid yet"},
		{jwt.ErrTokenUsedBeforeIssued, "used before issued"},
		{jwt.ErrTokenInvalidIssuer, "issuer is not clockify"},
		{jwt.ErrTokenInvalidSubject, "subject is not this add-on"},
	} {
		if errors.Is(err, e.err) {
			return e.says
		}
	}
	return "refused"
}

// truncate shortens a claim quoted in an error to 64 bytes, on a character boundary.
func truncate(s string) string {
	if len(s) <= 64 {
		return s
	}
	cut := 64
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// ParsePublicKey reads an RSA public key in PEM ("PUBLIC KEY" or "RSA PUBLIC KEY"), the form
// CAKE.com publishes it in.
func ParsePublicKey(pemBytes []byte) (*rsa.PublicKey, error) {
	block, _ := pem.Decode(pemBytes)
	if block == nil {
		return nil, errors.New("webhookjwt: no PEM block in the public key")
	}
	switch block.Type {
	case "RSA PUBLIC KEY":
		return x509.ParsePKCS1PublicKey(block.Bytes)
	case "PUBLIC KEY":
		k, err := x509.ParsePKIXPublicKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("webhookjwt: public key: %w", err)
		}
		rk, ok := k.(*rsa.PublicKey)
		if !ok {
			return nil, fmt.Errorf("webhookjwt: public key is %T, not RSA", k)
		}
		return rk, nil
	}
	return nil, fmt.Errorf("webhookjwt: PEM block %q is not a public key", block.Type)
}
