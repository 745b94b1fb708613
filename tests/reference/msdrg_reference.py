"""Groups JSON-line claims with the reference MS-DRG grouper (PyPI msdrg,
MIT licence, validated by its authors against the CMS Java grouper), for
HIT Trainer's agreement test and benchmark. Never part of the app.

stdin:  {"pdx","sdx":[],"procs":[],"age","sex":"M|F|U","discharge_status":"01"} per line
stdout: {"drg","mdc"} per line, in the same order
stderr: with --time, one JSON line {"claims","seconds"} for the grouping loop only
"""
import json
import sys
import time

import msdrg

SEX = {"M": 0, "F": 1, "U": 2}


def main():
    claims = [json.loads(line) for line in sys.stdin if line.strip()]
    requests = [
        {
            "version": 431,
            "age": c["age"],
            "sex": SEX[c["sex"]],
            "discharge_status": int(c["discharge_status"]),
            # HIT Trainer's grouper does not apply hospital-acquired conditions.
            "hospital_status": "EXEMPT",
            "pdx": {"code": c["pdx"].replace(".", "")},
            "sdx": [{"code": s.replace(".", "")} for s in c["sdx"]],
            "procedures": [{"code": p} for p in c["procs"]],
        }
        for c in claims
    ]
    out = []
    with msdrg.MsdrgGrouper() as grouper:
        start = time.perf_counter()
        for r in requests:
            result = grouper.group(r)
            out.append((result["final_drg"], result["final_mdc"]))
        seconds = time.perf_counter() - start
    for drg, mdc in out:
        print(json.dumps({"drg": drg, "mdc": mdc or 0}))
    if "--time" in sys.argv:
        print(json.dumps({"claims": len(out), "seconds": seconds}), file=sys.stderr)


if __name__ == "__main__":
    main()
