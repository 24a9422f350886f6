package clockify

import (
	"context"
	"sync"
)

// WorkspaceLocker serialises roster applies on one workspace across processes.
type WorkspaceLocker interface {
	// Lock blocks until the caller holds the lock named key or ctx ends; unlock releases it.
	Lock(ctx context.Context, key string) (unlock func(context.Context) error, err error)
}

// RosterLockKey is the lock name ApplyRoster asks a WorkspaceLocker for: one lock per
// workspace, the same in every process and for every API key.
func RosterLockKey(workspaceID string) string { return "clockify:roster:" + workspaceID }

// rosterLocks serialises the applies of this process, per workspace, whatever the client:
// two ApplyRoster calls on one workspace never interleave, so the second sees what the first
// did (its new members, for one) when it re-reads the workspace.
var rosterLocks = &localLocks{held: map[string]*localLock{}}

// localLocks are in-process locks by name that a context can give up waiting for. An entry
// lives while someone holds or waits for it.
type localLocks struct {
	mu   sync.Mutex
	held map[string]*localLock
}

type localLock struct {
	slot chan struct{} // full while held
	refs int           // holders and waiters
}

// Lock implements WorkspaceLocker within the process.
func (l *localLocks) Lock(ctx context.Context, key string) (func(context.Context) error, error) {
	l.mu.Lock()
	e := l.held[key]
	if e == nil {
		e = &localLock{slot: make(chan struct{}, 1)}
		l.held[key] = e
	}
	e.refs++
	l.mu.Unlock()
	select {
	case e.slot <- struct{}{}:
	case <-ctx.Done():
		l.release(key, e)
		return nil, ctx.Err()
	}
	var once sync.Once
	return func(context.Context) error {
		once.Do(func() {
			<-e.slot
			l.release(key, e)
		})
		return nil
	}, nil
}

func (l *localLocks) release(key string, e *localLock) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e.refs--; e.refs == 0 {
		delete(l.held, key)
	}
}

// lockWorkspace takes the process's lock of the workspace, then the caller's locker's (if
// any); the returned function releases both, whatever the state of ctx.
func lockWorkspace(ctx context.Context, workspaceID string, locker WorkspaceLocker) (func(), error) {
	key := RosterLockKey(workspaceID)
	local, err := rosterLocks.Lock(ctx, key)
	if err != nil {
		return nil, err
	}
	if locker == nil {
		return func() { _ = local(ctx) }, nil
	}
	remote, err := locker.Lock(ctx, key)
	if err == nil && remote == nil {
		err = &ValidationError{Field: "BulkOptions.Locker", Reason: "Lock returned no unlock function"}
	}
	if err != nil {
		_ = local(ctx)
		return nil, err
	}
	return func() {
		// Released even when ctx has ended; a lock the locker lets expire is its own business.
		_ = remote(context.WithoutCancel(ctx))
		_ = local(ctx)
	}, nil
}
