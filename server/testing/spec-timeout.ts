// These specs seed SQLite and drive a real server over loopback; on a shared CI machine that can
// take several times as long as on a quiet one. Jasmine's 5 s default would turn load into red
// builds, and speed is measured by `bench/`, not by tests, so the limit only guards against hangs.
jasmine.DEFAULT_TIMEOUT_INTERVAL = 60_000;
