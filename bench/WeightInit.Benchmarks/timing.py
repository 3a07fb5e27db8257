"""Timing shared by the Python baselines of the benchmark suites (numpy_baseline.py, torch_conv1d.py)."""
import time


def run_seconds(fn, repetitions, min_run_seconds, clock=time.perf_counter):
    """Seconds per call in each of `repetitions` timed runs, after one warm-up call.

    Each run repeats fn until it lasts at least min_run_seconds, so that small calls are timed over many repetitions;
    clock times the runs (e.g. time.thread_time for the calling thread's CPU time).
    """
    fn()
    t0 = time.perf_counter()
    fn()
    once = max(time.perf_counter() - t0, 1e-7)
    inner = max(1, int(min_run_seconds / once))
    times = []
    for _ in range(repetitions):
        t0 = clock()
        for _ in range(inner):
            fn()
        times.append((clock() - t0) / inner)
    return times
