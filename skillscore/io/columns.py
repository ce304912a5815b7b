"""The headers of the contract's roster and marks files (CONTRACT.md), Chinese first."""

ROSTER_COLUMNS: dict[str, tuple[str, ...]] = {
    "no": ("编号", "no"),
    "name": ("姓名", "name"),
    "id_number": ("身份证号", "id_number"),
    "sex": ("性别", "sex"),
    "birth_date": ("出生日期", "birth_date"),
    "category": ("人员类别", "category"),
    "unit": ("工作单位", "unit"),
    "union_card": ("互助服务卡", "union_card"),
    "team": ("团队", "team"),
    "phone": ("联系电话", "phone"),
}
ROSTER_REQUIRED = {"no", "name", "id_number", "unit"}

MARKS_COLUMNS: dict[str, tuple[str, ...]] = {
    "no": ("编号", "no"),
    "theory": ("理论知识", "theory"),
    "practical": ("技能操作", "practical"),
    "status": ("状态", "status"),
}
MARKS_REQUIRED = {"no"}


def header(columns: dict[str, tuple[str, ...]], key: str) -> str:
    """The Chinese header for a key, as messages and exports name it."""
    return columns[key][0]
