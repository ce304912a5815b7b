"""Reading roster and marks spreadsheets: real xlsx and csv files written in tmp_path."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillscore.errors import InputError
from skillscore.io.tables import cell_text, clean, read_table

ROSTER = {
    "no": ("编号", "no"),
    "name": ("姓名", "name"),
    "id_number": ("身份证号", "id_number"),
    "sex": ("性别", "sex"),
    "category": ("人员类别", "category"),
    "unit": ("工作单位", "unit"),
}
ROSTER_REQUIRED = {"no", "name", "id_number", "unit"}
MARKS = {"no": ("编号", "no"), "theory": ("理论知识", "theory"), "practical": ("技能操作", "practical")}


def write_xlsx(path, rows, *, title=None, sheets=None):
    """Rows into the first sheet (``title`` names it); ``sheets`` adds more sheets first."""
    book = openpyxl.Workbook()
    ws = book.active
    for name, extra_rows in (sheets or {}).items():
        other = book.create_sheet(name, 0)
        for r in extra_rows:
            other.append(r)
    if title:
        ws.title = title
    for r in rows:
        ws.append(r)
    book.save(path)
    return path


def problems_of(call):
    with pytest.raises(InputError) as caught:
        call()
    return caught.value.problems


# --- xlsx -----------------------------------------------------------------------------

def test_registration_export_with_title_row_merged_cells_and_hidden_column(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["2025年北京市职工职业技能大赛 快递员 报名表"])
    ws.merge_cells("A1:H1")  # title merged across the sheet
    ws.append(["序号", "姓名", "编号", "内部备注", "身份证号", "工作单位", None, "人员类别"])
    ws.merge_cells("F2:G2")  # 工作单位 header spread over two columns: F holds the value
    ws.column_dimensions["D"].hidden = True
    ws.append([1, "张三", "A001", "隐藏", "11010519491231002X", "顺丰速运", None, "女干部"])
    ws.append([2, "李四", "A002", None, "440524188001010014", "京东物流", None, None])
    for _ in range(5):  # trailing rows that look empty (formatted but blank)
        ws.append([None, None, None])
    ws.cell(row=12, column=3).number_format = "@"
    path = tmp_path / "报名表.xlsx"
    book.save(path)

    table = read_table(path, columns=ROSTER, required=ROSTER_REQUIRED)
    assert table.file == "报名表.xlsx"
    assert table.header_row == 2
    assert table.columns_found == {
        "name": "姓名", "no": "编号", "id_number": "身份证号", "unit": "工作单位", "category": "人员类别",
    }
    assert [r.line for r in table.rows] == [3, 4]
    assert table.rows[0].values == {
        "name": "张三", "no": "A001", "id_number": "11010519491231002X", "unit": "顺丰速运",
        "category": "女干部",
    }
    assert table.rows[1].get("category") == "" and table.rows[1].get("sex") == ""


def test_hidden_column_is_read_by_its_header(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["编号", "理论知识", "技能操作"])
    ws.append(["A001", 85.05, 90])
    ws.column_dimensions["B"].hidden = True
    book.save(tmp_path / "m.xlsx")
    table = read_table(tmp_path / "m.xlsx", columns=MARKS, required={"no"})
    assert table.rows[0].values == {"no": "A001", "theory": "85.05", "practical": "90"}


def test_columns_in_any_order_aliases_and_unknown_columns(tmp_path):
    path = write_xlsx(tmp_path / "m.xlsx", [
        ["备注", " Practical ", "NO", "理论 知识"],
        ["x", 91.25, "A001", 88.5],
    ])
    table = read_table(path, columns=MARKS, required={"no", "theory", "practical"})
    assert table.columns_found == {"practical": " Practical ".strip(), "no": "NO", "theory": "理论 知识"}
    assert table.rows[0].values == {"practical": "91.25", "no": "A001", "theory": "88.5"}


@pytest.mark.parametrize(
    "value, text",
    [
        (85.05, "85.05"),
        (88.515, "88.515"),
        (90.0, "90"),
        (85, "85"),
        (0.1 + 0.2, "0.3"),  # noise past Excel's 15 digits is not the user's value
        (85.04999999999999, "85.05"),
        (99.99, "99.99"),
        (100.5, "100.5"),
        (-3.0, "-3"),
        (1e-05, "0.00001"),
        (dt.datetime(1990, 1, 1), "1990-01-01"),
        (dt.datetime(2025, 9, 1, 8, 30), "2025-09-01 08:30:00"),
        (dt.date(1990, 1, 1), "1990-01-01"),
        (True, "TRUE"),
        (None, ""),
    ],
)
def test_cell_text(value, text):
    assert cell_text(value) == text


@given(st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False))
def test_any_two_decimal_mark_typed_in_excel_reads_back_exactly(mark):
    text = cell_text(float(mark))
    assert float(text) == float(mark)
    assert "." not in text or len(text.split(".")[1]) <= 2


def test_typed_values_round_trip_through_a_real_file(tmp_path):
    path = write_xlsx(tmp_path / "m.xlsx", [
        ["编号", "理论知识", "技能操作"],
        [1, 85.05, 88.515],
        ["A002", 90.0, 100],
        ["A003", "缺考", dt.datetime(2025, 9, 1)],
    ])
    table = read_table(path, columns=MARKS, required={"no"})
    assert [r.values for r in table.rows] == [
        {"no": "1", "theory": "85.05", "practical": "88.515"},
        {"no": "A002", "theory": "90", "practical": "100"},
        {"no": "A003", "theory": "缺考", "practical": "2025-09-01"},
    ]
    assert table.numeric_cells == {(2, "no"), (2, "theory"), (2, "practical"), (3, "theory"), (3, "practical")}


def test_id_number_stored_as_number_is_flagged(tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", [
        ["编号", "姓名", "身份证号", "工作单位"],
        ["A001", "张三", 1.10105194912310e17, "顺丰"],  # what Excel keeps of a typed ID
        ["A002", "李四", "440524188001010014", "京东"],
    ])
    table = read_table(path, columns=ROSTER, required=ROSTER_REQUIRED)
    assert table.rows[0].get("id_number") == "110105194912310000"
    assert table.numeric_cells == {(2, "id_number")}
    [problem] = table.numeric_problems("id_number")
    assert (problem.code, problem.row, problem.column, problem.value) == (
        "id_stored_as_number", 2, "身份证号", "110105194912310000")
    assert "文本" in problem.message("zh") and "Text" in problem.message("en")


def test_empty_rows_in_the_middle_keep_true_line_numbers(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws["A1"], ws["B1"] = "编号", "理论知识"
    ws["A2"], ws["B2"] = "A001", 80
    ws["A5"], ws["B5"] = "A002", 81  # rows 3-4 do not exist in the file at all
    ws["C7"] = "制表人：王芳"  # a note outside our columns is not a row
    ws["A9"] = "   "
    book.save(tmp_path / "m.xlsx")
    table = read_table(tmp_path / "m.xlsx", columns=MARKS, required={"no"})
    assert [(r.line, r.get("no")) for r in table.rows] == [(2, "A001"), (5, "A002")]


def test_named_sheet_and_first_visible_sheet(tmp_path):
    path = write_xlsx(
        tmp_path / "m.xlsx",
        [["编号", "理论知识"], ["B001", 70]],
        title="初赛成绩",
        sheets={"说明": [["本表由报名网站导出"]]},
    )
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["说明", "初赛成绩"]
    table = read_table(path, columns=MARKS, required={"no"}, sheet="初赛成绩")
    assert table.sheet == "初赛成绩" and table.rows[0].values == {"no": "B001", "theory": "70"}
    # without a name: the first sheet, which here has no header
    [problem] = problems_of(lambda: read_table(path, columns=MARKS, required={"no"}))
    assert (problem.code, problem.column) == ("missing_column", "编号")
    # a hidden first sheet is skipped: the user never sees it
    book["说明"].sheet_state = "hidden"
    book.save(path)
    assert read_table(path, columns=MARKS, required={"no"}).sheet == "初赛成绩"


def test_missing_sheet_names_the_file_and_the_sheet(tmp_path):
    path = write_xlsx(tmp_path / "m.xlsx", [["编号"]], title="Sheet1")
    [problem] = problems_of(lambda: read_table(path, columns=MARKS, required={"no"}, sheet="决赛"))
    assert problem.code == "sheet_missing" and problem.file == "m.xlsx"
    assert problem.message("zh") == "文件 m.xlsx：找不到工作表“决赛”。文件中的工作表有：Sheet1。"


def test_wrong_dimension_tag_does_not_hide_rows(tmp_path):
    # Some exporters write <dimension ref="A1"/>; read-only mode would trust it.
    import zipfile
    good = write_xlsx(tmp_path / "good.xlsx", [["编号", "理论知识"], ["A001", 60], ["A002", 61]])
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:B3" />', b'<dimension ref="A1" />')
                assert b'<dimension ref="A1" />' in data
            dst.writestr(item, data)
    table = read_table(bad, columns=MARKS, required={"no", "theory"})
    assert [r.values for r in table.rows] == [{"no": "A001", "theory": "60"}, {"no": "A002", "theory": "61"}]


# --- csv ------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig"])
def test_csv_encodings(tmp_path, encoding):
    path = tmp_path / "名单.csv"
    path.write_text("编号,姓名,身份证号,工作单位\r\nA001,张三,11010519491231002X,\"北京市邮政管理局,东城\"\r\n",
                    encoding=encoding, newline="")
    table = read_table(path, columns=ROSTER, required=ROSTER_REQUIRED)
    assert table.header_row == 1
    assert len(table.rows) == 1 and table.rows[0].line == 2
    assert table.rows[0].values == {
        "no": "A001", "name": "张三", "id_number": "11010519491231002X", "unit": "北京市邮政管理局,东城",
    }


def test_csv_full_width_characters_and_spaces(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text(
        "编号,理论知识,技能操作\n"
        "Ａ００１,８５．５,\u3000９０\u3000\n"
        "\n"
        ",,\n"
        " A002 , 88.5 ,\u00a0缺考\n",
        encoding="utf-8", newline="")
    table = read_table(path, columns=MARKS, required={"no", "theory", "practical"})
    assert [(r.line, r.values) for r in table.rows] == [
        (2, {"no": "A001", "theory": "85.5", "practical": "90"}),
        (5, {"no": "A002", "theory": "88.5", "practical": "缺考"}),
    ]


def test_csv_full_width_in_gbk_and_header_with_stray_spaces(tmp_path):
    path = tmp_path / "m.csv"
    path.write_bytes("\u3000编 号 ,理论知识　,*技能操作\r\n１０,８５．５,缺考\r\n".encode("gbk"))
    table = read_table(path, columns=MARKS, required={"no", "theory", "practical"})
    assert table.rows[0].values == {"no": "10", "theory": "85.5", "practical": "缺考"}
    assert table.numeric_cells == set()


def test_csv_quoted_newline_and_tab_separated(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("编号,姓名,身份证号,工作单位\n\"A001\",\"张三\",x,\"第一行\n第二行\"\n", encoding="utf-8")
    assert read_table(path, columns=ROSTER, required=ROSTER_REQUIRED).rows[0].get("unit") == "第一行 第二行"
    tabbed = tmp_path / "t.csv"
    tabbed.write_text("编号\t理论知识\nA001\t80\n", encoding="utf-8")
    assert read_table(tabbed, columns=MARKS, required={"no"}).rows[0].values == {"no": "A001", "theory": "80"}


def test_title_row_above_csv_header(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("快递员初赛成绩表,,\n,,\n编号,理论知识,技能操作\nA001,80,90\n", encoding="utf-8")
    table = read_table(path, columns=MARKS, required={"no", "theory"})
    assert table.header_row == 3 and table.rows[0].line == 4


def test_clean():
    assert clean("  张\u3000 三\t") == "张 三"
    assert clean("８５．５") == "85.5"
    assert clean("ＡＢｃ（１）") == "ABc（1）"  # Chinese brackets belong to names: kept
    assert clean("顺丰速运（北京）有限公司") == "顺丰速运（北京）有限公司"
    assert clean("\ufeff\u200bA001") == "A001"


# --- file-level problems --------------------------------------------------------------

def test_missing_required_column(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("编号,姓名,工作单位\nA001,张三,顺丰\n", encoding="utf-8")
    [problem] = problems_of(lambda: read_table(path, columns=ROSTER, required=ROSTER_REQUIRED))
    assert (problem.code, problem.file, problem.row, problem.column) == ("missing_column", "r.csv", 1, "身份证号")
    assert problem.message("zh") == (
        "文件 r.csv 第 1 行 「身份证号」列：缺少这一列（可写作：身份证号 / id_number）。"
        "请在标题行加上「身份证号」列后重新导入。")
    assert "column '身份证号'" in problem.message("en")


def test_every_missing_column_is_reported_at_once(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("序号,备注\n1,x\n", encoding="utf-8")
    problems = problems_of(lambda: read_table(path, columns=ROSTER, required=ROSTER_REQUIRED))
    assert [(p.code, p.column) for p in problems] == [
        ("missing_column", "编号"), ("missing_column", "姓名"),
        ("missing_column", "身份证号"), ("missing_column", "工作单位")]


def test_duplicate_header_for_one_key(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("编号,理论知识,theory\nA001,80,81\n", encoding="utf-8")
    [problem] = problems_of(lambda: read_table(path, columns=MARKS, required={"no"}))
    assert (problem.code, problem.column, problem.params["first"], problem.params["second"]) == (
        "duplicate_column", "theory", "B", "C")


@pytest.mark.parametrize(
    "name, content, code",
    [
        ("empty.csv", b"", "file_empty"),
        ("blank.csv", b"\r\n , ,\r\n\r\n", "file_empty"),
        ("garbage.csv", bytes(range(256)) * 4, "file_encoding"),
        ("nul.csv", b"\x00\x00\x00", "file_encoding"),
        ("utf16.csv", "编号,理论知识\n".encode("utf-16"), "file_encoding"),
        ("text.xlsx", "编号,理论知识\nA001,80\n".encode("utf-8"), "file_not_xlsx"),
        ("garbage.xlsx", bytes(range(256)), "file_not_xlsx"),
        ("truncated.xlsx", None, "file_not_xlsx"),
        ("old.xls", b"\xd0\xcf\x11\xe0", "file_not_xls"),  # a truncated one: .xls is read since issue 13
        ("notes.txt", b"abc", "file_type_unsupported"),
        ("zip.csv", None, "file_csv_is_xlsx"),
    ],
)
def test_bad_files_are_problems_not_tracebacks(tmp_path, name, content, code):
    path = tmp_path / name
    if content is None:  # a real workbook, cut short or misnamed
        write_xlsx(tmp_path / "real.xlsx", [["编号"], ["A001"]])
        data = (tmp_path / "real.xlsx").read_bytes()
        content = data[: len(data) // 2] if name.endswith(".xlsx") else data
    path.write_bytes(content)
    problems = problems_of(lambda: read_table(path, columns=MARKS, required={"no"}))
    assert [(p.code, p.file) for p in problems] == [(code, name)]
    for lang in ("zh", "en"):
        assert name in problems[0].message(lang) and "{" not in problems[0].message(lang)


def test_missing_file(tmp_path):
    [problem] = problems_of(lambda: read_table(tmp_path / "没有.xlsx", columns=MARKS, required={"no"}))
    assert (problem.code, problem.file) == ("file_not_found", "没有.xlsx")


def test_empty_workbook(tmp_path):
    openpyxl.Workbook().save(tmp_path / "e.xlsx")
    [problem] = problems_of(lambda: read_table(tmp_path / "e.xlsx", columns=MARKS, required={"no"}))
    assert problem.code == "file_empty"


def test_header_only_file_has_no_rows(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("编号,理论知识\n", encoding="utf-8")
    table = read_table(path, columns=MARKS, required={"no"})
    assert table.rows == [] and table.columns_found == {"no": "编号", "theory": "理论知识"}


def test_input_error_message_lists_every_problem(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("姓名\n张三\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_table(path, columns=ROSTER, required=ROSTER_REQUIRED)
    text = caught.value.message("zh")
    assert text.startswith("导入被拒绝：发现 3 处问题")
    assert "「编号」列" in text and "「工作单位」列" in text
