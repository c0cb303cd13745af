"""How long an e-way bill is valid (rule 138(10) of the CGST Rules, as the NIC computes
it): one day for every 200 km or part of it, for over-dimensional cargo one day for every
20 km or part of it. A day ends at midnight of the day after the date of generation, so
an e-way bill of one day generated on 2 June at 11:30 is valid until 3 June 23:59.
Counting starts when Part-B (the vehicle) is entered: without it there is no validity.
"""

from __future__ import annotations

import datetime as dt

KM_PER_DAY = 200
KM_PER_DAY_OVER_DIMENSIONAL = 20
DAY_END = dt.time(23, 59)  # the NIC writes the end of a day as 11:59:00 PM


def validity_days(distance_km: int, over_dimensional: bool) -> int:
    per_day = KM_PER_DAY_OVER_DIMENSIONAL if over_dimensional else KM_PER_DAY
    return max(1, -(-int(distance_km) // per_day))


def valid_upto(start: dt.datetime, distance_km: int, over_dimensional: bool
               ) -> dt.datetime:
    days = validity_days(distance_km, over_dimensional)
    return dt.datetime.combine(start.date() + dt.timedelta(days=days), DAY_END)
