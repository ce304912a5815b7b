"""A desk that types marks and imports sheets until it is killed (used by test_crash.py).

Prints ``ACK <no> <value>`` only after set_mark has returned, i.e. after the value was
shown as saved, and ``IMPORT <round>`` after an import returned. The parent kills this
process with SIGKILL at a random moment and then checks the file.
"""

import csv
import sys
from pathlib import Path

from skillscore.actions.competition import Competition


def main(path: str, sheets: str) -> None:
    comp = Competition(path, operator="崩溃测试")
    people = [c.no for c in comp.contestants()]
    entries = comp.entries()
    todo = [no for no in people if entries.get(no) is None or entries[no].theory is None]
    round_no = int(comp.store.meta("crash_round", "0") or 0)
    for step, no in enumerate(todo):
        value = f"{60 + (sum(map(ord, no)) % 40)}.25"
        comp.set_mark(no, "theory", value)
        print(f"ACK {no} {value}", flush=True)
        if step % 4 == 3:
            round_no += 1
            sheet = Path(sheets) / f"round-{round_no}.csv"
            with open(sheet, "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f)
                w.writerow(["编号", "技能操作"])
                w.writerows([[p, f"{50 + round_no % 50}.50"] for p in people])
            comp.import_marks(sheet)
            with comp.store.transaction():
                comp.store.set_meta("crash_round", str(round_no))
            print(f"IMPORT {round_no}", flush=True)
    print("DONE", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
