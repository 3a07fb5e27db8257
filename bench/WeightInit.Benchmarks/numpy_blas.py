"""Shared by the numpy baselines: which BLAS ran, printed as '#' lines (GemmBenchmarks.cs and FullPassBenchmarks.cs
echo them). Uses threadpoolctl when it is installed (Debian: python3-threadpoolctl)."""
import os

import numpy as np


def describe_blas():
    print(f"# numpy {np.__version__}; OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')} "
          f"OPENBLAS_L2_SIZE={os.environ.get('OPENBLAS_L2_SIZE', '(unset)')}")
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        print("# threadpoolctl not installed: BLAS kernel unknown")
        return
    np.ones((64, 64)) @ np.ones((64, 64))  # make sure the BLAS is loaded
    infos = [info for info in threadpool_info() if info.get("user_api") == "blas"]
    for info in infos:
        print("# blas: " + ", ".join(f"{key}={info.get(key)}" for key in
                                     ("internal_api", "version", "architecture", "threading_layer", "num_threads", "filepath")))
    if not infos:
        # e.g. Debian's reference BLAS (libblas3) is the libblas.so.3 alternative: far slower than OpenBLAS.
        with open("/proc/self/maps") as maps:
            loaded = sorted({line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line})
        print("# blas: no OpenBLAS/MKL found by threadpoolctl; loaded: " + (", ".join(loaded) or "unknown"))
