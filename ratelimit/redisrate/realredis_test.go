package redisrate_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// TestMain silences go-redis's own log of failed dials, which the outage tests provoke.
func TestMain(m *testing.M) {
	redis.SetLogger(quietLogger{})
	os.Exit(m.Run())
}

type quietLogger struct{}

func (quietLogger) Printf(context.Context, string, ...any) {}

// realRedis returns a new connection pool to the Redis server at $REDIS_ADDR. Without
// REDIS_ADDR the test is skipped, except under CI (CI set), where it fails: CI must run
// these tests against a real server. A set but unreachable address always fails.
func realRedis(t testing.TB) *redis.Client {
	t.Helper()
	addr := os.Getenv("REDIS_ADDR")
	if addr == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("REDIS_ADDR is not set but CI is: the integration tests need a real Redis server")
		}
		t.Skip("integration test: set REDIS_ADDR=host:port of a disposable Redis server to run it")
	}
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	t.Cleanup(func() { _ = rdb.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := rdb.Ping(ctx).Err(); err != nil {
		t.Fatalf("Redis at REDIS_ADDR=%s is unreachable: %v", addr, err)
	}
	return rdb
}

// uniqueKey keeps runs (and -count=N repetitions) from sharing a budget.
func uniqueKey(t testing.TB) string {
	return fmt.Sprintf("test:%s:%d", t.Name(), time.Now().UnixNano())
}

// redisProcess is a redis-server of the test's own, which the test may stop and restart.
type redisProcess struct {
	t    testing.TB
	bin  string
	port int
	cmd  *exec.Cmd
}

// startRedisProcess starts redis-server on a free loopback port. It skips when the binary is
// missing, except under CI, where it fails.
func startRedisProcess(t testing.TB) *redisProcess {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("redis-server is not on PATH but CI is set: install it (apt-get install redis-server)")
		}
		t.Skip("integration test: needs redis-server on PATH")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	_ = ln.Close()
	p := &redisProcess{t: t, bin: bin, port: port}
	p.start()
	t.Cleanup(p.stop)
	return p
}

func (p *redisProcess) addr() string { return "127.0.0.1:" + strconv.Itoa(p.port) }

func (p *redisProcess) start() {
	p.t.Helper()
	p.cmd = exec.Command(p.bin, "--port", strconv.Itoa(p.port), "--bind", "127.0.0.1",
		"--save", "", "--appendonly", "no")
	if err := p.cmd.Start(); err != nil {
		p.t.Fatalf("start redis-server: %v", err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: p.addr(), MaxRetries: -1})
	defer func() { _ = rdb.Close() }()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if rdb.Ping(context.Background()).Err() == nil {
			return
		}
	}
	p.t.Fatalf("redis-server on %s did not answer within 5 s", p.addr())
}

// stop kills the server abruptly, as a crash or a network cut would.
func (p *redisProcess) stop() {
	if p.cmd == nil {
		return
	}
	_ = p.cmd.Process.Kill()
	_ = p.cmd.Wait()
	p.cmd = nil
}
