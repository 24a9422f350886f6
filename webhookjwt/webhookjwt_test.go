package webhookjwt

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testKey is CAKE.com's signing key in these tests (2048 bits, made once per run).
var testKey = func() *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return k
}()

func addonClaims() jwt.MapClaims {
	return jwt.MapClaims{"iss": "clockify", "sub": "my-addon", "type": "addon", "workspaceId": "ws1", "addonId": "a1",
		"iat": time.Now().Unix(), "exp": time.Now().Add(time.Hour).Unix()}
}

func sign(t *testing.T, method jwt.SigningMethod, key any, claims jwt.MapClaims) string {
	t.Helper()
	s, err := jwt.NewWithClaims(method, claims).SignedString(key)
	require.NoError(t, err)
	return s
}

func verifier() *Verifier {
	return &Verifier{Key: &testKey.PublicKey, AddonKey: "my-addon", WorkspaceID: "ws1"}
}

func TestVerify_acceptsAnAddonToken(t *testing.T) {
	c, err := verifier().Verify(sign(t, jwt.SigningMethodRS256, testKey, addonClaims()))
	require.NoError(t, err)
	assert.Equal(t, "ws1", c.WorkspaceID)
	assert.Equal(t, "a1", c.AddonID)
	assert.Equal(t, "my-addon", c.Subject)
}

func TestVerify_refusesWhatIsNotThisAddonsToken(t *testing.T) {
	other, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	pubDER := x509.MarshalPKCS1PublicKey(&testKey.PublicKey)
	with := func(k string, v any) jwt.MapClaims {
		c := addonClaims()
		if v == nil {
			delete(c, k)
		} else {
			c[k] = v
		}
		return c
	}
	for name, token := range map[string]string{
		"empty":          "",
		"garbage":        "not.a.jwt",
		"other key":      sign(t, jwt.SigningMethodRS256, other, addonClaims()),
		"hmac with pub":  sign(t, jwt.SigningMethodHS256, pubDER, addonClaims()),
		"alg none":       sign(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, addonClaims()),
		"RS512":          sign(t, jwt.SigningMethodRS512, testKey, addonClaims()),
		"expired":        sign(t, jwt.SigningMethodRS256, testKey, with("exp", time.Now().Add(-time.Hour).Unix())),
		"not yet":        sign(t, jwt.SigningMethodRS256, testKey, with("nbf", time.Now().Add(time.Hour).Unix())),
		"issuer":         sign(t, jwt.SigningMethodRS256, testKey, with("iss", "someone")),
		"no issuer":      sign(t, jwt.SigningMethodRS256, testKey, with("iss", nil)),
		"other addon":    sign(t, jwt.SigningMethodRS256, testKey, with("sub", "their-addon")),
		"type":           sign(t, jwt.SigningMethodRS256, testKey, with("type", "user")),
		"other space":    sign(t, jwt.SigningMethodRS256, testKey, with("workspaceId", "ws2")),
		"tampered claim": tamper(sign(t, jwt.SigningMethodRS256, testKey, addonClaims())),
	} {
		_, err := verifier().Verify(token)
		assert.ErrorIs(t, err, ErrInvalidToken, name)
		if err != nil && token != "" {
			assert.NotContains(t, err.Error(), token, name)
		}
	}
}

// tamper swaps the token's claims for otherwise valid ones (another add-on id), keeping its
// header and signature.
func tamper(token string) string {
	parts := strings.Split(token, ".")
	c := addonClaims()
	c["addonId"] = "a2"
	forged, _ := jwt.NewWithClaims(jwt.SigningMethodRS256, c).SigningString()
	return strings.Join([]string{parts[0], strings.Split(forged, ".")[1], parts[2]}, ".")
}

func TestVerifyRequest_readsTheSignatureHeader(t *testing.T) {
	r := httptest.NewRequest("POST", "/hook", strings.NewReader("{}"))
	_, err := verifier().VerifyRequest(r)
	assert.ErrorIs(t, err, ErrInvalidToken)
	r.Header.Set("Clockify-Signature", sign(t, jwt.SigningMethodRS256, testKey, addonClaims()))
	c, err := verifier().VerifyRequest(r)
	require.NoError(t, err)
	assert.Equal(t, "addon", c.Type)
}

func TestVerify_needsAKey(t *testing.T) {
	_, err := (&Verifier{}).Verify("x")
	assert.Error(t, err)
	var none *Verifier
	_, err = none.Verify("x")
	assert.Error(t, err)
}

func TestParsePublicKey(t *testing.T) {
	pkix, err := x509.MarshalPKIXPublicKey(&testKey.PublicKey)
	require.NoError(t, err)
	for name, block := range map[string]*pem.Block{
		"PKIX":  {Type: "PUBLIC KEY", Bytes: pkix},
		"PKCS1": {Type: "RSA PUBLIC KEY", Bytes: x509.MarshalPKCS1PublicKey(&testKey.PublicKey)},
	} {
		k, err := ParsePublicKey(pem.EncodeToMemory(block))
		require.NoError(t, err, name)
		assert.True(t, k.Equal(&testKey.PublicKey), name)
	}
	_, err = ParsePublicKey([]byte("no pem"))
	assert.Error(t, err)
	_, err = ParsePublicKey(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: []byte{1}}))
	assert.Error(t, err)
}
