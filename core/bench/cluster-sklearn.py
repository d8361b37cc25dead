"""Child of `npm run bench -- cluster`: scikit-learn's KMeans on the same raw float64 file, one thread.

Usage: /usr/bin/python3 cluster-sklearn.py PATH N D K SEED MAX_ITER
Prints one JSON line. Only the fit is timed; a separate k-means++ call (same seed) estimates how much
of the fit is initialisation.
"""
import json
import os
import resource
import sys
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

try:
    import numpy as np
    import sklearn
    from sklearn.cluster import KMeans, kmeans_plusplus
    from threadpoolctl import threadpool_limits
except ImportError as error:
    print(json.dumps({"missing": "apt install python3-sklearn", "error": str(error)}))
    sys.exit(0)

path, n, d, k, seed, max_iter = sys.argv[1], *map(int, sys.argv[2:7])
X = np.fromfile(path, dtype="<f8").reshape(n, d)

with threadpool_limits(limits=1):
    started = time.perf_counter()
    model = KMeans(n_clusters=k, init="k-means++", n_init=1, algorithm="lloyd", max_iter=max_iter, random_state=seed).fit(X)
    seconds = time.perf_counter() - started

    started = time.perf_counter()
    kmeans_plusplus(X, k, random_state=seed)
    init_seconds = time.perf_counter() - started

print(json.dumps({
    "seconds": round(seconds, 3),
    "initSecondsSeparate": round(init_seconds, 3),
    "iterations": int(model.n_iter_),
    "inertia": float(model.inertia_),
    "peakRssMB": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    "version": sklearn.__version__,
}))
