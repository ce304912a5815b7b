<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="139"/>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
</context>
<context>
    <name>AppealDialog</name>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="62"/>
        <source>登记申诉</source>
        <translation>Record an appeal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="68"/>
        <source>领队或选手本人</source>
        <translation>Team leader or the contestant</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="75"/>
        <source>YYYY-MM-DD HH:MM，空为现在</source>
        <translation>YYYY-MM-DD HH:MM; empty: now</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="76"/>
        <source>团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="76"/>
        <location filename="../../ui/dialogs/appeal.py" line="120"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="77"/>
        <source>申诉人</source>
        <translation>Filed by</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="78"/>
        <source>申诉事由</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="79"/>
        <location filename="../../ui/dialogs/appeal.py" line="170"/>
        <source>部分</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="80"/>
        <source>受理时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="95"/>
        <source>仲裁决定 · 第 {id} 号申诉</source>
        <translation>Decision · appeal no. {id}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="111"/>
        <source>仲裁决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="115"/>
        <source>理由（记入日志）</source>
        <translation>Reason (recorded in the log)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="120"/>
        <source>编号（技能操作加密时填评分号）</source>
        <translation>No. (the code for a sealed practical mark)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="121"/>
        <source>项</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="121"/>
        <source>更正为</source>
        <translation>Corrected to</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="127"/>
        <source>更正成绩（成立时）</source>
        <translation>Corrected marks (if upheld)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="157"/>
        <source>申诉时限</source>
        <translation>Appeal window</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="158"/>
        <source>该部分结束后若干小时内受理申诉（通常 2 小时）；之后收到的申诉照常登记，标为逾期。</source>
        <translation>Appeals are received within some hours after the end of the part (usually 2); a later one is recorded all the same and marked late.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="171"/>
        <source>该部分结束时间</source>
        <translation>End of the part</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="172"/>
        <source>时限（小时）</source>
        <translation>Window (hours)</translation>
    </message>
</context>
<context>
    <name>AppealsModel</name>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="102"/>
        <location filename="../../ui/models/appeals.py" line="39"/>
        <source>申诉成立</source>
        <translation>Upheld</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="104"/>
        <location filename="../../ui/models/appeals.py" line="39"/>
        <source>申诉驳回</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/models/appeals.py" line="40"/>
        <source>解密后更正</source>
        <translation>Corrected after the reveal</translation>
    </message>
    <message>
        <location filename="../../ui/models/appeals.py" line="40"/>
        <source>待裁决</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../ui/models/appeals.py" line="75"/>
        <source>更正 {n}</source>
        <translation>Correction {n}</translation>
    </message>
    <message>
        <location filename="../../ui/models/appeals.py" line="83"/>
        <source>逾期</source>
        <translation>LATE</translation>
    </message>
</context>
<context>
    <name>AppealsView</name>
    <message>
        <location filename="../../ui/views/appeals_view.py" line="29"/>
        <source>登记申诉…</source>
        <translation>Record an appeal…</translation>
    </message>
    <message>
        <location filename="../../ui/views/appeals_view.py" line="30"/>
        <source>仲裁决定…</source>
        <translation>Decide…</translation>
    </message>
    <message>
        <location filename="../../ui/views/appeals_view.py" line="31"/>
        <source>申诉时限…</source>
        <translation>Appeal window…</translation>
    </message>
    <message>
        <location filename="../../ui/views/appeals_view.py" line="32"/>
        <source>打印申诉处理登记表…</source>
        <translation>Print the appeals register…</translation>
    </message>
    <message>
        <location filename="../../ui/views/appeals_view.py" line="67"/>
        <source>{part}：{ends} 后 {hours} 小时内</source>
        <translation>{part}: within {hours} h after {ends}</translation>
    </message>
    <message>
        <location filename="../../ui/views/appeals_view.py" line="70"/>
        <source>申诉时限：{windows}</source>
        <translation>Appeal windows: {windows}</translation>
    </message>
    <message>
        <location filename="../../ui/views/appeals_view.py" line="71"/>
        <source>未设置（不判逾期）</source>
        <translation>not set (nothing is late)</translation>
    </message>
    <message>
        <location filename="../../ui/views/appeals_view.py" line="107"/>
        <source>申诉处理登记</source>
        <translation>Appeals register</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../ui/audit_view.py" line="77"/>
        <source>校验发现这条记录在写入后被改动过</source>
        <translation>The check found this entry changed after it was written</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="96"/>
        <source>录入员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="102"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="105"/>
        <source>选手编号</source>
        <translation>Contestant no.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="110"/>
        <source>自</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="111"/>
        <source>至</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="115"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="118"/>
        <source>校验日志</source>
        <translation>Verify log</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="120"/>
        <source>逐条核对哈希链：任何绕过本程序对日志的修改都会被发现</source>
        <translation>Checks the hash chain entry by entry: any change to the log made outside this program is found</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="121"/>
        <source>导出 xlsx…</source>
        <translation>Export xlsx…</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="183"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="206"/>
        <source>显示 {shown} 条，共 {total} 条（最新的在最上面）</source>
        <translation>Showing {shown} of {total} entries (newest first)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="231"/>
        <source>✗ 日志已被改动！发现 {n} 处问题（红色的记录）：</source>
        <translation>✗ The log has been altered! {n} problem(s) found (entries in red):</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="233"/>
        <source>这份文件的记录不可信：请保留文件原样，报告组委会，并用最近的备份核对。</source>
        <translation>This file&apos;s record cannot be trusted: keep the file as it is, tell the committee, and compare it with the latest backup.</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="237"/>
        <source>✓ 日志完整：{n} 条记录，哈希链无误（{time} 校验）</source>
        <translation>✓ Log intact: {n} entries, hash chain verified (checked {time})</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="252"/>
        <source>导出日志</source>
        <translation>Export log</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="253"/>
        <source>表格 (*.xlsx)</source>
        <translation>Spreadsheet (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="261"/>
        <source>导出失败：{reason}</source>
        <translation>Export failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/audit_view.py" line="265"/>
        <source>已导出 {path}（{shown} 条，共 {total} 条）</source>
        <translation>Exported {path} ({shown} of {total} entries)</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../ui/dialogs/backups.py" line="29"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups.py" line="29"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups.py" line="30"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups.py" line="30"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups.py" line="57"/>
        <source>备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups.py" line="60"/>
        <source>程序在打开、关闭、每 10 分钟有改动时以及导入、裁定、定稿等操作前后自动备份。恢复某个备份前，会先把当前状态另存为一个备份。</source>
        <translation>The program backs up on opening and closing, every 10 minutes while things change, and before and after imports, decisions and finalising. Before a backup is restored, the current state is saved as a backup too.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups.py" line="82"/>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups.py" line="85"/>
        <source>恢复所选…</source>
        <translation>Restore selected…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups.py" line="93"/>
        <source>第二备份位置（如U盘）：每次备份同时复制一份到这里</source>
        <translation>Second backup folder (e.g. a USB stick): every backup is copied here too</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups.py" line="97"/>
        <source>未设置</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups.py" line="98"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups.py" line="100"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups.py" line="135"/>
        <source>备份文件夹：{folder}</source>
        <translation>Backup folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups.py" line="176"/>
        <source>恢复备份</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups.py" line="177"/>
        <source>用 {time}（{reason}）的备份替换当前文件的全部内容？
当前状态会先另存为一个备份，恢复可以撤回。</source>
        <translation>Replace everything in the current file with the backup of {time} ({reason})?
The current state is saved as a backup first, so the restore can be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups.py" line="193"/>
        <source>第二备份位置</source>
        <translation>Second backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups.py" line="205"/>
        <source>第二备份位置已设为 {folder}</source>
        <translation>Second backup folder set to {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backups.py" line="206"/>
        <source>已取消第二备份位置</source>
        <translation>No second backup folder any more</translation>
    </message>
</context>
<context>
    <name>CheckinModel</name>
    <message>
        <location filename="../../ui/models/day.py" line="107"/>
        <source>迟到检录：{reason}</source>
        <translation>Late check-in: {reason}</translation>
    </message>
</context>
<context>
    <name>CheckinView</name>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="36"/>
        <source>✔ 迟到检录 {time}（{reason}）</source>
        <translation>✔ Late check-in {time} ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="38"/>
        <source>✔ 已检录 {time}</source>
        <translation>✔ Checked in {time}</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="39"/>
        <source>已于 {time} 检录过，无需重复</source>
        <translation>Checked in already at {time}</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="40"/>
        <source>✘ 名单中没有此编号或身份证号</source>
        <translation>✘ Neither a number nor an ID number on the roster</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="41"/>
        <source>✘ 已弃权，不能检录</source>
        <translation>✘ Withdrawn: cannot check in</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="42"/>
        <source>✘ 已取消资格（不具备参赛资格），不能检录</source>
        <translation>✘ Disqualified (not eligible): cannot check in</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="43"/>
        <source>✘ 本阶段已记缺考，不能检录</source>
        <translation>✘ Marked absent for the stage: cannot check in</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="44"/>
        <source>{part}检录已截止：迟到检录需裁判长口令和理由</source>
        <translation>Check-in for {part} is closed: a late check-in needs the chief judge&apos;s PIN and a reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="66"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="67"/>
        <source>场次 / 工位号</source>
        <translation>Session / station</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="68"/>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="69"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="70"/>
        <source>团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="80"/>
        <source>迟到检录…</source>
        <translation>Late check-in…</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="90"/>
        <source>等待扫描身份证或输入编号</source>
        <translation>Waiting for an ID card scan or a number</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="100"/>
        <source>第 {session} 场 · {station} 号工位</source>
        <translation>Session {session} · station {station}</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="132"/>
        <source>扫描身份证或输入编号、身份证号，回车</source>
        <translation>Scan the ID card, or type a number or ID number, Enter</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="167"/>
        <source>打印签到表…</source>
        <translation>Print check-in sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="192"/>
        <source>{part} 到场 {present} / 应到 {expected}</source>
        <translation>{part}: present {present} / expected {expected}</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="196"/>
        <source>截止{part}检录…</source>
        <translation>Close check-in for {part}…</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="199"/>
        <source>{part}检录已于 {time} 截止</source>
        <translation>Check-in for {part} closed at {time}</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="200"/>
        <source>{part}检录进行中</source>
        <translation>Check-in for {part} is open</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="235"/>
        <source>迟到检录</source>
        <translation>Late check-in</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="236"/>
        <source>{no} {name} 在{part}检录截止后到达。理由将记入日志；截止时记的缺考仅在其后未录入成绩时撤销。</source>
        <translation>{no} {name} arrived after check-in for {part} closed. The reason goes into the log; the 缺考 written at the close is cleared only if no mark was entered since.</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="248"/>
        <source>已迟到检录 {no}（{kept}）</source>
        <translation>Late check-in of {no} ({kept})</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="249"/>
        <source>缺考已撤销</source>
        <translation>the absence is cleared</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="250"/>
        <source>截止后已录入成绩，成绩不变</source>
        <translation>a mark was entered since the close: it stays</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="258"/>
        <source>截止{part}检录</source>
        <translation>Close check-in for {part}</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="259"/>
        <source>截止后，以下 {n} 名未检录者的{part}成绩记为缺考（一次记入日志）。此后到达的需裁判长口令和理由补检录。</source>
        <translation>Closing marks {part} 缺考 (absent) for the {n} people below who have not checked in, in one logged change. Anyone arriving later needs the chief judge&apos;s PIN and a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/views/checkin_view.py" line="277"/>
        <source>{part}检录已截止：{n} 人记为缺考</source>
        <translation>Check-in for {part} closed: {n} marked absent</translation>
    </message>
</context>
<context>
    <name>CodedMarksModel</name>
    <message>
        <location filename="../../ui/models/coded_marks.py" line="67"/>
        <source>评分号 {no}「{value}」：{reason}</source>
        <translation>Code {no} &quot;{value}&quot;: {reason}</translation>
    </message>
</context>
<context>
    <name>CodesMenu</name>
    <message>
        <location filename="../../ui/codes_menu.py" line="29"/>
        <source>赛务(&amp;D)</source>
        <translation>Competition &amp;day</translation>
    </message>
    <message>
        <location filename="../../ui/codes_menu.py" line="30"/>
        <source>加密评分号…</source>
        <translation>Seal codes…</translation>
    </message>
    <message>
        <location filename="../../ui/codes_menu.py" line="31"/>
        <source>打印加密对照表…</source>
        <translation>Print the key sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/codes_menu.py" line="33"/>
        <source>解密…</source>
        <translation>Reveal…</translation>
    </message>
    <message>
        <location filename="../../ui/codes_menu.py" line="35"/>
        <source>申诉登记…</source>
        <translation>Appeals register…</translation>
    </message>
    <message>
        <location filename="../../ui/codes_menu.py" line="42"/>
        <source>加密评分号</source>
        <translation>Seal codes</translation>
    </message>
    <message>
        <location filename="../../ui/codes_menu.py" line="42"/>
        <source>为每位选手（团队）生成评分号。加密后技能操作成绩只能按评分号录入，排名解密后才显示；随后请打印加密对照表，装入密封袋由监督签封。</source>
        <translation>Gives every contestant (team) a code. Once sealed, practical marks are entered by code only and rankings are shown only after the reveal; then print the key sheet for the envelope the supervisor seals.</translation>
    </message>
    <message>
        <location filename="../../ui/codes_menu.py" line="53"/>
        <source>已加密：{count} 个评分号。请打印加密对照表装入密封袋。</source>
        <translation>Sealed: {count} codes. Print the key sheet for the sealed envelope.</translation>
    </message>
    <message>
        <location filename="../../ui/codes_menu.py" line="60"/>
        <source>打印加密对照表</source>
        <translation>Print the key sheet</translation>
    </message>
    <message>
        <location filename="../../ui/codes_menu.py" line="61"/>
        <source>打印加密对照表须裁判长口令，每次打印记入日志。</source>
        <translation>Printing the key sheet needs the chief judge&apos;s PIN; every printing is logged.</translation>
    </message>
    <message>
        <location filename="../../ui/codes_menu.py" line="69"/>
        <source>加密对照表</source>
        <translation>Key sheet</translation>
    </message>
    <message>
        <location filename="../../ui/codes_menu.py" line="69"/>
        <source>申诉处理登记表</source>
        <translation>Appeals register</translation>
    </message>
    <message>
        <location filename="../../ui/codes_menu.py" line="92"/>
        <source>已解密：排名已显示；技能操作成绩自此锁定，修改须裁判长口令并写明理由</source>
        <translation>Revealed: the ranking is shown; practical marks are locked from now on, a change needs the chief judge&apos;s PIN and a reason</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../ui/models/appeals.py" line="54"/>
        <location filename="../../ui/models/audit.py" line="21"/>
        <source>序号</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../ui/models/appeals.py" line="56"/>
        <source>申诉人</source>
        <translation>Filed by</translation>
    </message>
    <message>
        <location filename="../../ui/models/appeals.py" line="57"/>
        <source>受理时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/models/appeals.py" line="58"/>
        <source>部分</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../ui/models/appeals.py" line="59"/>
        <source>申诉事由</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/models/appeals.py" line="60"/>
        <source>仲裁决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/models/appeals.py" line="62"/>
        <source>成绩变更</source>
        <translation>Marks changed</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="22"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="23"/>
        <source>录入员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="24"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="25"/>
        <source>对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="26"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="27"/>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit.py" line="28"/>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../../ui/models/appeals.py" line="61"/>
        <location filename="../../ui/models/audit.py" line="29"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/models/appeals.py" line="55"/>
        <location filename="../../ui/models/day.py" line="53"/>
        <location filename="../../ui/models/day.py" line="125"/>
        <location filename="../../ui/models/marks.py" line="84"/>
        <location filename="../../ui/models/panel_marks.py" line="112"/>
        <location filename="../../ui/models/preview.py" line="71"/>
        <location filename="../../ui/models/ranking.py" line="61"/>
        <location filename="../../ui/models/roster.py" line="66"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/models/day.py" line="54"/>
        <location filename="../../ui/models/day.py" line="126"/>
        <location filename="../../ui/models/marks.py" line="85"/>
        <location filename="../../ui/models/panel_marks.py" line="113"/>
        <location filename="../../ui/models/ranking.py" line="62"/>
        <location filename="../../ui/models/roster.py" line="67"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/models/day.py" line="56"/>
        <location filename="../../ui/models/day.py" line="127"/>
        <location filename="../../ui/models/marks.py" line="86"/>
        <location filename="../../ui/models/panel_marks.py" line="118"/>
        <location filename="../../ui/models/ranking.py" line="63"/>
        <location filename="../../ui/models/roster.py" line="72"/>
        <location filename="../../ui/statistics_view.py" line="183"/>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../ui/models/day.py" line="57"/>
        <location filename="../../ui/models/marks.py" line="87"/>
        <location filename="../../ui/models/roster.py" line="73"/>
        <source>团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../ui/models/coded_marks.py" line="40"/>
        <location filename="../../ui/models/panel_marks.py" line="105"/>
        <source>评分号</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/models/coded_marks.py" line="41"/>
        <location filename="../../ui/models/day.py" line="58"/>
        <location filename="../../ui/models/day.py" line="123"/>
        <location filename="../../ui/models/marks.py" line="88"/>
        <source>场次</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../ui/models/coded_marks.py" line="42"/>
        <location filename="../../ui/models/day.py" line="59"/>
        <location filename="../../ui/models/day.py" line="124"/>
        <location filename="../../ui/models/marks.py" line="89"/>
        <source>工位号</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/models/day.py" line="60"/>
        <location filename="../../ui/models/marks.py" line="90"/>
        <location filename="../../ui/models/ranking.py" line="64"/>
        <source>理论知识</source>
        <translation>Theory</translation>
    </message>
    <message>
        <location filename="../../ui/models/coded_marks.py" line="43"/>
        <location filename="../../ui/models/day.py" line="61"/>
        <location filename="../../ui/models/marks.py" line="91"/>
        <location filename="../../ui/models/panel_marks.py" line="108"/>
        <location filename="../../ui/models/panel_marks.py" line="116"/>
        <location filename="../../ui/models/ranking.py" line="65"/>
        <source>技能操作</source>
        <translation>Practical</translation>
    </message>
    <message>
        <location filename="../../ui/models/day.py" line="128"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/models/marks.py" line="92"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/preview.py" line="27"/>
        <location filename="../../ui/models/preview.py" line="70"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/models/preview.py" line="28"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/models/preview.py" line="29"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/models/preview.py" line="72"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../ui/models/preview.py" line="73"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/models/ranking.py" line="60"/>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../ui/models/ranking.py" line="66"/>
        <source>总成绩</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/models/ranking.py" line="67"/>
        <location filename="../../ui/statistics_view.py" line="186"/>
        <source>晋级</source>
        <translation>Advances</translation>
    </message>
    <message>
        <location filename="../../ui/models/ranking.py" line="68"/>
        <source>取证等级</source>
        <translation>Certificate level</translation>
    </message>
    <message>
        <location filename="../../ui/models/ranking.py" line="69"/>
        <source>奖励</source>
        <translation>Awards</translation>
    </message>
    <message>
        <location filename="../../ui/models/roster.py" line="68"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/models/roster.py" line="69"/>
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../ui/models/day.py" line="55"/>
        <location filename="../../ui/models/roster.py" line="70"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/models/roster.py" line="71"/>
        <source>人员类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/models/roster.py" line="74"/>
        <source>互助服务卡</source>
        <translation>Mutual-aid card</translation>
    </message>
    <message>
        <location filename="../../ui/models/roster.py" line="75"/>
        <source>参赛资格</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="184"/>
        <source>参赛</source>
        <translation>Entered</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="185"/>
        <source>排名</source>
        <translation>Ranked</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="187"/>
        <source>取证</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../ui/models/panel_marks.py" line="107"/>
        <location filename="../../ui/models/panel_marks.py" line="115"/>
        <source>模块成绩</source>
        <translation>Module result</translation>
    </message>
    <message>
        <location filename="../../ui/models/judge_stats.py" line="28"/>
        <source>裁判</source>
        <translation>Judge</translation>
    </message>
    <message>
        <location filename="../../ui/models/judge_stats.py" line="29"/>
        <source>评分数</source>
        <translation>Marks</translation>
    </message>
    <message>
        <location filename="../../ui/models/judge_stats.py" line="30"/>
        <source>平均偏差</source>
        <translation>Mean dev.</translation>
    </message>
    <message>
        <location filename="../../ui/models/judge_stats.py" line="31"/>
        <source>平均绝对偏差</source>
        <translation>Mean abs. dev.</translation>
    </message>
    <message>
        <location filename="../../ui/models/judge_stats.py" line="32"/>
        <source>被去掉比例</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <location filename="../../ui/models/judge_stats.py" line="42"/>
        <location filename="../../ui/models/preview.py" line="74"/>
        <source>提示</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../../ui/app.py" line="213"/>
        <location filename="../../ui/desk.py" line="109"/>
        <source>排名</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="91"/>
        <source>导出名单（xlsx）…</source>
        <translation>Export roster (xlsx)…</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="92"/>
        <source>导出成绩（xlsx）…</source>
        <translation>Export marks (xlsx)…</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="94"/>
        <source>打印成绩表（PDF）…</source>
        <translation>Print results (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="96"/>
        <source>导出成绩交接文件…</source>
        <translation>Export handoff file…</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="107"/>
        <source>名单</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="108"/>
        <source>成绩录入</source>
        <translation>Marks entry</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="110"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="111"/>
        <source>定稿与输出</source>
        <translation>Finalise &amp;&amp; output</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="112"/>
        <source>日志</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="308"/>
        <source>录入员：{name}</source>
        <translation>Operator: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="310"/>
        <source>演示</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="313"/>
        <source>评分号已加密 · 技能操作按评分号录入 · 排名与成绩解密后显示</source>
        <translation>Codes sealed · practical marks by code · rankings and results after the reveal</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="319"/>
        <source>已定稿（第 {version} 版）· 成绩指纹 {short}… · 成绩只读</source>
        <translation>Finalised (version {version}) · fingerprint {short}… · read-only</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="354"/>
        <source>参赛 {n}</source>
        <translation>Ranked {n}</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="355"/>
        <source>已排名的选手（或团队）数 N；点击显示全部</source>
        <translation>Ranked contestants (or teams), N; click to show all</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="358"/>
        <source>晋级 {n}</source>
        <translation>Advance {n}</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="359"/>
        <source>晋级名额；点击只显示晋级</source>
        <translation>Advancement quota; click to show only those advancing</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="360"/>
        <source>待录 {n}</source>
        <translation>Not entered {n}</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="361"/>
        <source>成绩待录入的选手；点击只显示这些</source>
        <translation>Contestants with marks not entered; click to show only them</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="362"/>
        <source>并列待定 {n}</source>
        <translation>Ties {n}</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="363"/>
        <source>并列待定的组数；点击只显示这些</source>
        <translation>Ties to be decided (groups); click to show only them</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="394"/>
        <source>选择名单文件</source>
        <translation>Choose a roster file</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="394"/>
        <source>选择成绩文件</source>
        <translation>Choose a marks file</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="395"/>
        <source>表格 (*.xlsx *.xls *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="462"/>
        <location filename="../../ui/desk.py" line="468"/>
        <source>表格 (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="407"/>
        <source>已导入 {file}：新增 {added}，修改 {changed}，未变 {unchanged}</source>
        <translation>Imported {file}: {added} added, {changed} changed, {unchanged} unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="415"/>
        <location filename="../../ui/desk.py" line="422"/>
        <source>准予参赛</source>
        <translation>Admit</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="415"/>
        <source>选手编号：</source>
        <translation>Contestant number:</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="423"/>
        <source>准予编号 {no} 违反资格规定参赛。理由将记入日志。</source>
        <translation>Admit number {no} against an eligibility rule. The reason goes into the audit log.</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="432"/>
        <source>已准予编号 {no} 参赛（理由已记入日志）</source>
        <translation>Admitted number {no} (the reason is in the audit log)</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="462"/>
        <source>导出名单</source>
        <translation>Export roster</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="464"/>
        <source>正在导出名单…</source>
        <translation>Exporting the roster…</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="465"/>
        <location filename="../../ui/desk.py" line="471"/>
        <source>已导出 {path}</source>
        <translation>Exported {path}</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="468"/>
        <source>导出成绩</source>
        <translation>Export marks</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="470"/>
        <source>正在导出成绩…</source>
        <translation>Exporting the marks…</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="477"/>
        <source>成绩表</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="477"/>
        <source>晋级名单</source>
        <translation>Advancement list</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="477"/>
        <source>取证名单</source>
        <translation>Certificate list</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="478"/>
        <source>获奖名单</source>
        <translation>Awards list</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="478"/>
        <source>成绩表（附成绩分布统计页）</source>
        <translation>Results sheet (with the statistics page)</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="479"/>
        <location filename="../../ui/desk.py" line="488"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="479"/>
        <source>打印哪一张表：</source>
        <translation>Which sheet to print:</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="486"/>
        <source>签到表</source>
        <translation>Check-in sheet</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="486"/>
        <source>抽签记录表</source>
        <translation>Draw record</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="487"/>
        <source>评分表</source>
        <translation>Score sheets</translation>
    </message>
    <message>
        <location filename="../../ui/codes_menu.py" line="76"/>
        <location filename="../../ui/desk.py" line="493"/>
        <source>正在生成 PDF…</source>
        <translation>Making the PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/codes_menu.py" line="78"/>
        <location filename="../../ui/desk.py" line="496"/>
        <source>已生成 {path}</source>
        <translation>Wrote {path}</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="507"/>
        <source>导出成绩交接文件</source>
        <translation>Export handoff file</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="508"/>
        <source>成绩交接文件 (*.sspkg)</source>
        <translation>Handoff files (*.sspkg)</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="510"/>
        <source>正在导出成绩交接文件…</source>
        <translation>Exporting the handoff file…</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="512"/>
        <source>已导出 {path} · 交接码 {code}（已签字的成绩表和晋级名单上印有同一交接码，接收方凭它打开文件；请勿与 U 盘放在一起）</source>
        <translation>Exported {path} · code {code} (the signed results and advancement sheets print the same code; the receiving committee opens the file with it; never keep it with the USB stick)</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="196"/>
        <source>裁判评分</source>
        <translation>Judges&apos; marks</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="197"/>
        <source>裁判统计</source>
        <translation>Judge statistics</translation>
    </message>
    <message>
        <location filename="../../ui/views/day_tab.py" line="24"/>
        <source>检录</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location filename="../../ui/views/day_tab.py" line="25"/>
        <source>抽签</source>
        <translation>Draw</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="128"/>
        <source>赛务</source>
        <translation>Competition day</translation>
    </message>
</context>
<context>
    <name>DeskFiles</name>
    <message>
        <location filename="../../ui/dialogs/desk_files.py" line="32"/>
        <source>合并录入台文件</source>
        <translation>Merge desk files</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/desk_files.py" line="43"/>
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/desk_files.py" line="49"/>
        <source>录入台文件已加密：请输入各录入台导出时显示的交接码，再点“试合并”。</source>
        <translation>Desk files are sealed: type the code each desk showed when it exported, then click “Trial merge”.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/desk_files.py" line="70"/>
        <source>{name} 的交接码</source>
        <translation>Code of {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/desk_files.py" line="74"/>
        <source>试合并</source>
        <translation>Trial merge</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/desk_files.py" line="97"/>
        <source>试合并：以下是合并将带来的变动，尚未写入。冲突的成绩将搁置，由裁判长对照原始成绩单裁定。</source>
        <translation>Trial merge: this is what merging would change; nothing is written yet. Conflicting marks are held for the chief judge to settle with the paper sheet.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/desk_files.py" line="109"/>
        <source>选择录入台文件</source>
        <translation>Choose desk files</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/desk_files.py" line="110"/>
        <source>录入台文件 (*.ssdesk);;所有文件 (*)</source>
        <translation>Desk files (*.ssdesk);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/desk_files.py" line="115"/>
        <source>导出本录入台文件</source>
        <translation>Export this desk&apos;s file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/desk_files.py" line="116"/>
        <source>录入台文件 (*.ssdesk)</source>
        <translation>Desk files (*.ssdesk)</translation>
    </message>
</context>
<context>
    <name>DrawView</name>
    <message>
        <location filename="../../ui/views/draw_view.py" line="30"/>
        <source>调整工位</source>
        <translation>Move a seat</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="31"/>
        <source>设备故障等原因：把一个单位调到空闲工位或另一场（含最后一场之后新加的一场）。</source>
        <translation>For an equipment failure and the like: move a unit to a free station, or to another session (including a new one after the last).</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="44"/>
        <source>编号（团队）</source>
        <translation>No. (team)</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="45"/>
        <source>调至场次</source>
        <translation>To session</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="46"/>
        <source>调至工位号</source>
        <translation>To station</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="54"/>
        <source>重新抽签</source>
        <translation>Draw again</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="55"/>
        <source>原抽签结果作废，用下面的新种子重新抽签（记入日志）。请先向在场人员公布新种子。</source>
        <translation>The draw made is void; draw again with the new seed below (logged). Announce the new seed to everyone present first.</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="65"/>
        <source>新抽签种子</source>
        <translation>New seed</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="66"/>
        <location filename="../../ui/views/draw_view.py" line="79"/>
        <source>工位数</source>
        <translation>Stations</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="86"/>
        <source>抽签种子</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="91"/>
        <source>抽签前向在场人员公布；也可填写现场摸出的数字</source>
        <translation>Announce it before drawing; or type numbers drawn from a box in public</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="93"/>
        <source>换一个</source>
        <translation>Another</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="96"/>
        <source>抽签</source>
        <translation>Draw</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="102"/>
        <source>重新抽签…</source>
        <translation>Draw again…</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="103"/>
        <source>导入手工抽签…</source>
        <translation>Import hand draw…</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="104"/>
        <source>调整工位…</source>
        <translation>Move a seat…</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="129"/>
        <source>打印抽签记录表…</source>
        <translation>Print draw record…</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="130"/>
        <source>打印评分表…</source>
        <translation>Print score sheets…</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="160"/>
        <source>尚未抽签。请确认工位数，向在场人员公布上面的抽签种子，然后点“抽签”。任何人都可以用这个种子复算抽签结果。</source>
        <translation>Not drawn yet. Check the number of stations, announce the seed above to everyone present, then press Draw. Anyone can recompute the draw from this seed.</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="164"/>
        <source>抽签种子 {seed}</source>
        <translation>Seed {seed}</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="165"/>
        <source>手工抽签</source>
        <translation>Drawn by hand</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="166"/>
        <source>{how} · 工位数 {stations} · {units} 个单位 · {sessions} 场</source>
        <translation>{how} · {stations} stations · {units} units · {sessions} sessions</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="182"/>
        <source>抽签完成：种子 {seed}</source>
        <translation>Drawn: seed {seed}</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="195"/>
        <source>已重新抽签：种子 {seed}</source>
        <translation>Drawn again: seed {seed}</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="199"/>
        <source>选择手工抽签表（编号、场次、工位号）</source>
        <translation>Choose the hand draw (编号, 场次, 工位号)</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="200"/>
        <source>表格 (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="205"/>
        <source>导入手工抽签</source>
        <translation>Import hand draw</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="206"/>
        <source>已有抽签结果：用手工抽签表替换它（记入日志）。</source>
        <translation>A draw exists: replace it with the hand draw (logged).</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="211"/>
        <source>已导入手工抽签</source>
        <translation>Hand draw imported</translation>
    </message>
    <message>
        <location filename="../../ui/views/draw_view.py" line="229"/>
        <source>已将 {key} 调至第 {session} 场 {station} 号工位</source>
        <translation>Moved {key} to session {session} station {station}</translation>
    </message>
</context>
<context>
    <name>FinalizeTab</name>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="44"/>
        <source>并列待定</source>
        <translation>Ties to be decided</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="55"/>
        <source>已裁定</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="64"/>
        <location filename="../../ui/views/finalize_tab.py" line="225"/>
        <source>定稿</source>
        <translation>Finalise</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="73"/>
        <source>修改晋级名额…</source>
        <translation>Change quota…</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="79"/>
        <source>定稿…</source>
        <translation>Finalise…</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="81"/>
        <source>撤销定稿…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="90"/>
        <source>输出</source>
        <translation>Output</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="115"/>
        <source>✓ 没有并列待定</source>
        <translation>✓ No ties to be decided</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="116"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="119"/>
        <source>已定稿（第 {version} 版）
成绩指纹 {fingerprint}</source>
        <translation>Finalised (version {version})
Fingerprint {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="127"/>
        <source>✓ 可以定稿：成绩已全部录入，没有并列待定。定稿后成绩只读，并生成成绩指纹。</source>
        <translation>✓ Ready to finalise: all marks are entered and there are no ties to be decided. Finalising makes the results read-only and computes their fingerprint.</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="132"/>
        <source>晋级名额 {quota}（参赛 {ranked} 人）</source>
        <translation>Quota {quota} ({ranked} ranked)</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="135"/>
        <source>，按 30% 向下取整</source>
        <translation>, 30% rounded down</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="137"/>
        <source>决赛不设晋级名额</source>
        <translation>The final has no advancement quota</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="153"/>
        <source>名次 {a}–{b} 并列待定：{names}
总成绩 {total} · 技能操作 {practical}</source>
        <translation>Ranks {a}–{b}, tie to be decided: {names}
Total {total} · Practical {practical}</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="159"/>
        <source>组委会裁定…</source>
        <translation>Order by committee…</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="160"/>
        <source>抽签…</source>
        <translation>Draw lots…</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="181"/>
        <source>◆ 抽签确定：{order}（种子 {seed}）</source>
        <translation>◆ By lot: {order} (seed {seed})</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="183"/>
        <source>◆ 组委会裁定：{order}（理由：{reason}）</source>
        <translation>◆ By committee: {order} (reason: {reason})</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="209"/>
        <source>已按组委会裁定排序：</source>
        <translation>Ordered by the committee: </translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="213"/>
        <source>抽签</source>
        <translation>Draw lots</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="214"/>
        <source>由程序为 {members} 抽签排序，随机种子记入日志，任何人可复核。</source>
        <translation>The program draws lots to order {members}; the random seed goes into the audit log so anyone can repeat the draw.</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="220"/>
        <source>抽签结果：{order}（种子 {seed}）</source>
        <translation>Drawn by lot: {order} (seed {seed})</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="226"/>
        <source>定稿后本阶段成绩只读，并生成成绩指纹。</source>
        <translation>Once finalised, this stage is read-only and its results get a fingerprint.</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="229"/>
        <source>已定稿 · 成绩指纹 {result}</source>
        <translation>Finalised · fingerprint {result}</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="232"/>
        <source>撤销定稿</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="233"/>
        <source>撤销定稿后可以修改成绩，版本号加一。请写明理由。</source>
        <translation>Reopening allows marks to change and raises the version by one. Give a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="238"/>
        <source>已撤销定稿，现为第 {result} 版</source>
        <translation>Reopened; now version {result}</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="243"/>
        <location filename="../../ui/views/finalize_tab.py" line="249"/>
        <source>晋级名额</source>
        <translation>Quota</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="244"/>
        <source>晋级名额（不超过 30%，向下取整）：</source>
        <translation>Quota (at most 30%, rounded down):</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="250"/>
        <source>将晋级名额设为 {quota}。</source>
        <translation>Set the quota to {quota}.</translation>
    </message>
    <message>
        <location filename="../../ui/views/finalize_tab.py" line="254"/>
        <source>晋级名额已设为 {quota}</source>
        <translation>Quota set to {quota}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../ui/views/findbar.py" line="19"/>
        <source>查找：</source>
        <translation>Find:</translation>
    </message>
    <message>
        <location filename="../../ui/views/findbar.py" line="22"/>
        <source>编号或姓名，回车跳转，Esc 关闭</source>
        <translation>Number or name, Enter to jump, Esc to close</translation>
    </message>
    <message>
        <location filename="../../ui/views/findbar.py" line="43"/>
        <source>没有找到「{text}」</source>
        <translation>&apos;{text}&apos; not found</translation>
    </message>
</context>
<context>
    <name>HandoffImport</name>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="51"/>
        <source>成绩交接文件 (*.sspkg);;所有文件 (*)</source>
        <translation>Handoff files (*.sspkg);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="75"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="105"/>
        <source>纸质成绩单上的交接码：</source>
        <translation>Code on the paper results sheet:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="106"/>
        <source>纸质成绩单上成绩指纹的前 8 位：</source>
        <translation>First 8 characters of the fingerprint on the paper sheet:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="149"/>
        <source>请对照已签字的纸质成绩单输入交接码（可用扫码枪扫描交接码二维码）</source>
        <translation>Type the code from the signed paper results sheet (or scan its QR code)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="151"/>
        <source>已输入 {n}/16 位</source>
        <translation>{n}/16 characters typed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="165"/>
        <source>✓ 交接码正确，文件完好，与纸质成绩单一致</source>
        <translation>✓ The code opens the file; the file is intact and matches the paper sheet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="173"/>
        <source>✓ 与纸质成绩单一致</source>
        <translation>✓ Matches the paper sheet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="175"/>
        <source>✘ 与本文件的成绩指纹不符：请核对已签字的纸质成绩单，或确认拿到的是对应的成绩交接文件</source>
        <translation>✘ Does not match this file&apos;s fingerprint: check the signed paper sheet, or make sure this is the handoff file that goes with it</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="178"/>
        <source>已输入 {n}/8 位</source>
        <translation>{n} of 8 characters typed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="180"/>
        <source>请对照已签字的纸质成绩单输入</source>
        <translation>Type it from the signed paper sheet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="196"/>
        <source>选择成绩交接文件…</source>
        <translation>Choose handoff files…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="200"/>
        <source>每份文件须与已签字的纸质成绩单核对：输入成绩单上的交接码（旧版文件：成绩指纹的前 8 位）。</source>
        <translation>Check every file against its signed paper sheet: type the code printed on the sheet (older files: the first 8 characters of the fingerprint).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="231"/>
        <source>选择成绩交接文件</source>
        <translation>Choose handoff files</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="288"/>
        <source>添加来源</source>
        <translation>Add source</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="310"/>
        <source>新建下一阶段（从成绩交接文件）</source>
        <translation>New next stage (from handoff files)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="337"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="342"/>
        <source>新阶段</source>
        <translation>New stage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="343"/>
        <source>组委会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="344"/>
        <source>比赛日期</source>
        <translation>Stage date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="345"/>
        <source>裁判长口令</source>
        <translation>Chief judge&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="346"/>
        <source>再输入一次口令</source>
        <translation>PIN again</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="347"/>
        <location filename="../../ui/dialogs/handoff_import.py" line="375"/>
        <source>新竞赛文件</source>
        <translation>New competition file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="376"/>
        <source>竞赛文件 (*.skillscore *.sqlite)</source>
        <translation>Competition files (*.skillscore *.sqlite)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="388"/>
        <source>两次输入的口令不一致</source>
        <translation>The two PINs differ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="390"/>
        <source>请填写组委会名称</source>
        <translation>Enter the committee</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="392"/>
        <source>请选择新竞赛文件的位置</source>
        <translation>Choose where the new competition file goes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/handoff_import.py" line="416"/>
        <source>正在生成名单…</source>
        <translation>Building the roster…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="51"/>
        <source>导入名单</source>
        <translation>Import roster</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="51"/>
        <source>导入成绩</source>
        <translation>Import marks</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="69"/>
        <source>准予参赛…</source>
        <translation>Admit…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="70"/>
        <source>裁判长写明理由，准予所选行的选手违反资格规定参赛</source>
        <translation>The chief judge admits the selected row&apos;s contestant against an eligibility rule, with a written reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="71"/>
        <source>重新检查</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="72"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="74"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="99"/>
        <source>正在检查 {file}…</source>
        <translation>Checking {file}…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="111"/>
        <source>检查通过：共 {n} 行，新增 {add}，更新 {update}，未变 {same}。按“导入”写入竞赛文件。</source>
        <translation>No problems: {n} rows, {add} new, {update} updated, {same} unchanged. Press Import to write them into the competition file.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="115"/>
        <source>注意：{k} 行有无法显示的字符（见“提示”列），导入后表上印作 〓，请先核对。</source>
        <translation>Note: {k} row(s) have characters no font can show (see the Note column); the sheets will print 〓 for them. Check them first.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="119"/>
        <source>检查通过：共 {n} 行成绩。按“导入”写入竞赛文件（已有成绩将被覆盖并记入日志）。</source>
        <translation>No problems: {n} rows of marks. Press Import to write them (marks already entered are overwritten, and each change is logged).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="128"/>
        <source>无法读取 {file}：{error}</source>
        <translation>Cannot read {file}: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="138"/>
        <source>请在原文件中改正后按“重新检查”；文件未作任何改动。</source>
        <translation>Correct the file, then press Check again; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="170"/>
        <source>准予编号 {no} 参赛，违反的规定：
{rule}
理由和裁判长姓名将记入日志。</source>
        <translation>Admit number {no} against this rule:
{rule}
The reason and the operator go into the audit log.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="172"/>
        <source>准予参赛</source>
        <translation>Admit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_preview.py" line="194"/>
        <source>正在导入 {file}…</source>
        <translation>Importing {file}…</translation>
    </message>
</context>
<context>
    <name>JudgeStatsModel</name>
    <message>
        <location filename="../../ui/models/judge_stats.py" line="57"/>
        <source>{module}偏差</source>
        <translation>{module} dev.</translation>
    </message>
    <message>
        <location filename="../../ui/models/judge_stats.py" line="59"/>
        <source>只看模块「{module}」时的平均偏差</source>
        <translation>Mean deviation in the module {module} alone</translation>
    </message>
    <message>
        <location filename="../../ui/models/judge_stats.py" line="70"/>
        <location filename="../../ui/views/judge_stats.py" line="103"/>
        <source>裁判{n}</source>
        <translation>Judge {n}</translation>
    </message>
    <message>
        <location filename="../../ui/models/judge_stats.py" line="85"/>
        <source>偏离其他裁判较多</source>
        <translation>Far from the other judges</translation>
    </message>
    <message>
        <location filename="../../ui/models/judge_stats.py" line="105"/>
        <source>打分普遍偏低</source>
        <translation>marks consistently lower</translation>
    </message>
    <message>
        <location filename="../../ui/models/judge_stats.py" line="107"/>
        <source>打分普遍偏高</source>
        <translation>marks consistently higher</translation>
    </message>
    <message>
        <location filename="../../ui/models/judge_stats.py" line="109"/>
        <source>打分忽高忽低</source>
        <translation>marks both higher and lower</translation>
    </message>
    <message>
        <location filename="../../ui/models/judge_stats.py" line="110"/>
        <source>裁判{n}偏离其他裁判较多：平均绝对偏差 {mine}，其他裁判 {spread}（超过全组中位数的两倍且大于 1.00 即提示）；{direction}，平均偏差 {mean}</source>
        <translation>Judge {n} is far from the other judges: mean absolute deviation {mine}, the others {spread} (flagged above twice the panel&apos;s median and above 1.00); {direction}, mean deviation {mean}</translation>
    </message>
</context>
<context>
    <name>JudgeStatsView</name>
    <message>
        <location filename="../../ui/views/judge_stats.py" line="86"/>
        <source>平均偏差（分）：← 比裁判组打分低 · 比裁判组打分高 →</source>
        <translation>Mean deviation (marks): ← lower than the panel · higher than the panel →</translation>
    </message>
    <message>
        <location filename="../../ui/views/judge_stats.py" line="122"/>
        <source>去掉一个最高分和一个最低分后取平均</source>
        <translation>trimmed mean (one highest and one lowest mark dropped)</translation>
    </message>
    <message>
        <location filename="../../ui/views/judge_stats.py" line="123"/>
        <source>各裁判分数取平均</source>
        <translation>mean of the judges&apos; marks</translation>
    </message>
    <message>
        <location filename="../../ui/views/judge_stats.py" line="124"/>
        <source>{module}（满分 {maximum}）</source>
        <translation>{module} (max. {maximum})</translation>
    </message>
    <message>
        <location filename="../../ui/views/judge_stats.py" line="126"/>
        <source>评分方案：{judges} 名裁判，{how}；模块 {modules}</source>
        <translation>Scheme: {judges} judges, {how}; modules {modules}</translation>
    </message>
    <message>
        <location filename="../../ui/views/judge_stats.py" line="128"/>
        <source>打印裁判评分表（PDF）…</source>
        <translation>Print the judges&apos; sheet (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/judge_stats.py" line="153"/>
        <source>偏差 = 裁判给出的分数 − 该模块成绩（只计已评完的模块）；平均偏差为负表示打分偏低，为正表示偏高。被去掉比例：该裁判的分数被作为最高分或最低分去掉的次数占其评分数的比例。平均绝对偏差超过全组中位数两倍（且大于 1.00）的裁判标红提示，供裁判长复核；提示不改变任何成绩。</source>
        <translation>Deviation = the judge&apos;s mark − the module result (complete modules only); a negative mean deviation means the judge marks lower than the panel, a positive one higher. Dropped: the share of the judge&apos;s marks left out as the highest or the lowest. A judge whose mean absolute deviation is more than twice the panel&apos;s median (and above 1.00) is flagged in red for the chief judge to review; a flag changes no mark.</translation>
    </message>
    <message>
        <location filename="../../ui/views/judge_stats.py" line="195"/>
        <source>打印裁判评分表</source>
        <translation>Print the judges&apos; sheet</translation>
    </message>
    <message>
        <location filename="../../ui/views/judge_stats.py" line="201"/>
        <source>正在生成 PDF…</source>
        <translation>Making the PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/views/judge_stats.py" line="202"/>
        <source>已生成 {path}</source>
        <translation>Wrote {path}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.py" line="65"/>
        <source>成绩管理 · {name}</source>
        <translation>Scoring desk · {name}</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="82"/>
        <source>文件 {path}</source>
        <translation>File {path}</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="112"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="113"/>
        <source>新建竞赛…</source>
        <translation>New competition…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="114"/>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="115"/>
        <source>最近打开</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="119"/>
        <source>打开演示</source>
        <translation>Open the demo</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="121"/>
        <source>导入名单…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="122"/>
        <source>导入成绩…</source>
        <translation>Import marks…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="124"/>
        <source>打印成绩表…</source>
        <translation>Print sheets…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="127"/>
        <source>导出成绩交接文件…</source>
        <translation>Export handoff file…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="129"/>
        <source>新建下一阶段（从成绩交接文件）…</source>
        <translation>New next stage from handoff files…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="131"/>
        <source>成绩来源…</source>
        <translation>Sources…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="132"/>
        <source>备份…</source>
        <translation>Backups…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="133"/>
        <location filename="../../ui/mainwindow.py" line="410"/>
        <source>导出本录入台文件…</source>
        <translation>Export this desk&apos;s file…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="135"/>
        <source>合并录入台文件…</source>
        <translation>Merge desk files…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="138"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="140"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="141"/>
        <source>撤销上一次录入</source>
        <translation>Undo last entry</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="143"/>
        <source>粘贴成绩</source>
        <translation>Paste marks</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="144"/>
        <source>查找编号或姓名</source>
        <translation>Find number or name</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="146"/>
        <source>复核不一致…</source>
        <translation>Entries that disagree…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="154"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="160"/>
        <source>语言 Language</source>
        <translation>语言 Language</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="168"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="169"/>
        <source>使用手册</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="170"/>
        <location filename="../../ui/mainwindow.py" line="477"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="179"/>
        <source>文件已被其他程序（如命令行）修改，已重新读取</source>
        <translation>The file was changed by another program (the command line, say) and has been read again</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="197"/>
        <source>打开竞赛文件</source>
        <translation>Open competition file</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="198"/>
        <source>竞赛文件 (*.skillscore *.sqlite);;所有文件 (*)</source>
        <translation>Competition files (*.skillscore *.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="311"/>
        <location filename="../../ui/mainwindow.py" line="337"/>
        <location filename="../../ui/mainwindow.py" line="360"/>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="326"/>
        <source>U盘（可移动磁盘）</source>
        <translation>a USB stick (removable drive)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="326"/>
        <source>网络共享</source>
        <translation>a network share</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="328"/>
        <source>复制到本机</source>
        <translation>Copy to this computer</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="329"/>
        <source>该文件位于{where}上。直接在上面录入可能损坏文件。
复制到本机硬盘后打开副本？
{target}</source>
        <translation>This file is on {where}. Typing marks into it there can damage it.
Copy it to this computer&apos;s disk and open the copy?
{target}</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="344"/>
        <source>演示录入员</source>
        <translation>Demo operator</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="412"/>
        <source>已导出 {count} 项录入到 {path} · 本录入台交接码 {code}</source>
        <translation>Exported {count} entries to {path} · this desk&apos;s code {code}</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="415"/>
        <source>本录入台交接码</source>
        <translation>This desk&apos;s code</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="416"/>
        <source>已导出 {count} 项录入到 {path}。

本录入台交接码：{code}

合并时须输入此交接码（本录入台每次导出都相同）。请抄下交给主录入台，勿与 U 盘放在一起。</source>
        <translation>Exported {count} entries to {path}.

This desk&apos;s code: {code}

The main desk types this code to merge the file (it is the same for every export of this desk). Copy it down for the main desk; never keep it with the USB stick.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="461"/>
        <source>尚无改动</source>
        <translation>No changes yet</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="463"/>
        <source>已保存 {time}</source>
        <translation>Saved {time}</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="479"/>
        <source>离线成绩管理：每一项改动都记入日志。</source>
        <translation>Offline scoring: every change is in the audit log.</translation>
    </message>
</context>
<context>
    <name>Manual</name>
    <message>
        <location filename="../../ui/manual.py" line="39"/>
        <source>使用手册</source>
        <translation>User guide</translation>
    </message>
</context>
<context>
    <name>MarksModel</name>
    <message>
        <location filename="../../ui/models/marks.py" line="31"/>
        <source>待复核</source>
        <translation>To be checked</translation>
    </message>
</context>
<context>
    <name>MarksTab</name>
    <message>
        <location filename="../../ui/views/marks_tab.py" line="41"/>
        <source>导入成绩…</source>
        <translation>Import marks…</translation>
    </message>
    <message>
        <location filename="../../ui/views/marks_tab.py" line="42"/>
        <source>导出成绩…</source>
        <translation>Export marks…</translation>
    </message>
    <message>
        <location filename="../../ui/views/marks_tab.py" line="43"/>
        <source>回车 下一行 · Tab 下一列 · Shift+回车 上一行 · Q 或 / 缺考 · Delete 清除 · Ctrl+F 查找 · Ctrl+Z 撤销 · Ctrl+V 粘贴</source>
        <translation>Enter next row · Tab next column · Shift+Enter previous row · Q or / absent · Delete clear · Ctrl+F find · Ctrl+Z undo · Ctrl+V paste</translation>
    </message>
    <message>
        <location filename="../../ui/views/marks_tab.py" line="54"/>
        <source>本文件启用复核（双人录入）：每个成绩由两位录入员各录一次，一致后才计入；未计入的显示“待复核”。</source>
        <translation>Double entry is on for this file: every mark is typed by two operators and counts once both agree; marks not counted yet show &quot;To be checked&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/views/marks_tab.py" line="57"/>
        <source>我录第二遍（复核）</source>
        <translation>I am typing the check (second pass)</translation>
    </message>
    <message>
        <location filename="../../ui/views/marks_tab.py" line="87"/>
        <source>评分号，回车跳转，Esc 关闭</source>
        <translation>Code, Enter to jump, Esc to close</translation>
    </message>
    <message>
        <location filename="../../ui/views/marks_tab.py" line="89"/>
        <source>技能操作（按评分号）</source>
        <translation>Practical (by code)</translation>
    </message>
    <message>
        <location filename="../../ui/views/marks_tab.py" line="91"/>
        <source>理论知识与状态（按编号）</source>
        <translation>Theory and status (by No.)</translation>
    </message>
    <message>
        <location filename="../../ui/views/marks_tab.py" line="92"/>
        <source>成绩</source>
        <translation>Marks</translation>
    </message>
    <message>
        <location filename="../../ui/views/marks_tab.py" line="98"/>
        <source>解密后更正技能操作成绩</source>
        <translation>Correct a practical mark after the reveal</translation>
    </message>
    <message>
        <location filename="../../ui/views/marks_tab.py" line="98"/>
        <source>已解密，技能操作成绩已锁定。更正编号 {no} 的成绩须裁判长口令并写明理由，更正将列入申诉处理登记表。</source>
        <translation>The codes are revealed and practical marks are locked. Correcting {no} needs the chief judge&apos;s PIN and a reason; the correction is listed on the appeals register.</translation>
    </message>
</context>
<context>
    <name>MarksView</name>
    <message>
        <location filename="../../ui/views/marks_view.py" line="229"/>
        <source>未保存：{reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/views/marks_view.py" line="267"/>
        <location filename="../../ui/views/panel_grid.py" line="80"/>
        <source>粘贴区域超出表格：第 {line} 行没有对应的选手</source>
        <translation>The pasted block is larger than the table: line {line} has no contestant</translation>
    </message>
    <message>
        <location filename="../../ui/views/marks_view.py" line="272"/>
        <location filename="../../ui/views/panel_grid.py" line="85"/>
        <source>粘贴区域超出表格：第 {line} 行多出第 {col} 列</source>
        <translation>The pasted block is wider than the table: line {line} has an extra column {col}</translation>
    </message>
    <message>
        <location filename="../../ui/models/marks.py" line="96"/>
        <location filename="../../ui/views/panel_grid.py" line="93"/>
        <source>编号 {no}「{value}」：{reason}</source>
        <translation>No. {no} &apos;{value}&apos;: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/views/marks_view.py" line="283"/>
        <location filename="../../ui/views/panel_grid.py" line="97"/>
        <source>粘贴被拒绝，未作任何改动：</source>
        <translation>Paste refused; nothing was changed:</translation>
    </message>
    <message>
        <location filename="../../ui/views/marks_view.py" line="291"/>
        <location filename="../../ui/views/panel_grid.py" line="105"/>
        <source>已粘贴 {count} 个成绩</source>
        <translation>Pasted {count} marks</translation>
    </message>
    <message>
        <location filename="../../ui/views/marks_view.py" line="311"/>
        <location filename="../../ui/views/panel_grid.py" line="205"/>
        <source>没有可撤销的录入</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../../ui/views/marks_view.py" line="317"/>
        <location filename="../../ui/views/panel_grid.py" line="226"/>
        <source>已撤销上一次录入（已记入日志）</source>
        <translation>Undid the last entry (logged as a correction)</translation>
    </message>
</context>
<context>
    <name>NewCompetitionDialog</name>
    <message>
        <location filename="../../ui/dialogs/start.py" line="75"/>
        <source>新建竞赛</source>
        <translation>New competition</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start.py" line="84"/>
        <source>取证</source>
        <translation>certificate</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start.py" line="86"/>
        <source>团体 {n} 人</source>
        <translation>teams of {n}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start.py" line="101"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start.py" line="106"/>
        <source>竞赛项目</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start.py" line="107"/>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start.py" line="108"/>
        <source>组委会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start.py" line="109"/>
        <source>比赛日期</source>
        <translation>Stage date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start.py" line="110"/>
        <source>裁判长口令</source>
        <translation>Chief judge&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start.py" line="111"/>
        <source>再输入一次口令</source>
        <translation>PIN again</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start.py" line="112"/>
        <location filename="../../ui/dialogs/start.py" line="129"/>
        <source>竞赛文件</source>
        <translation>Competition file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start.py" line="130"/>
        <source>竞赛文件 (*.skillscore *.sqlite)</source>
        <translation>Competition files (*.skillscore *.sqlite)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start.py" line="142"/>
        <source>两次输入的口令不一致</source>
        <translation>The two PINs differ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start.py" line="144"/>
        <source>请填写组委会名称</source>
        <translation>Enter the committee</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <location filename="../../ui/dialogs/start.py" line="30"/>
        <source>录入员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start.py" line="33"/>
        <source>打开 {file}
请输入您的姓名：每一项改动都会以此姓名记入日志。</source>
        <translation>Opening {file}
Enter your name: every change is logged under it.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start.py" line="47"/>
        <source>请填写录入员姓名</source>
        <translation>Enter the operator&apos;s name</translation>
    </message>
</context>
<context>
    <name>PanelGrid</name>
    <message>
        <location filename="../../ui/views/panel_grid.py" line="119"/>
        <source>去掉一个最高分和一个最低分后取平均（灰色删除线为去掉的分数）</source>
        <translation>trimmed mean (one highest and one lowest mark dropped, shown struck through in grey)</translation>
    </message>
    <message>
        <location filename="../../ui/views/panel_grid.py" line="120"/>
        <source>各裁判分数取平均</source>
        <translation>mean of the judges&apos; marks</translation>
    </message>
    <message>
        <location filename="../../ui/views/panel_grid.py" line="121"/>
        <source>{judges} 名裁判 · {how}</source>
        <translation>{judges} judges · {how}</translation>
    </message>
    <message>
        <location filename="../../ui/views/panel_grid.py" line="124"/>
        <source>回车 下一行 · Tab 下一列 · Q 或 / 技能操作缺考 · Delete 清除 · Ctrl+F 查找 · Ctrl+Z 撤销 · Ctrl+V 粘贴</source>
        <translation>Enter next row · Tab next column · Q or / practical absent · Delete clear · Ctrl+F find · Ctrl+Z undo · Ctrl+V paste</translation>
    </message>
    <message>
        <location filename="../../ui/views/panel_grid.py" line="157"/>
        <source>{module}（满分 {maximum}）</source>
        <translation>{module} (max. {maximum})</translation>
    </message>
</context>
<context>
    <name>PanelMarksModel</name>
    <message>
        <location filename="../../ui/models/panel_marks.py" line="187"/>
        <location filename="../../ui/models/panel_marks.py" line="249"/>
        <source>裁判{n}</source>
        <translation>Judge {n}</translation>
    </message>
    <message>
        <location filename="../../ui/models/panel_marks.py" line="191"/>
        <source>去掉一个最高分和一个最低分后取平均</source>
        <translation>trimmed mean (one highest and one lowest mark dropped)</translation>
    </message>
    <message>
        <location filename="../../ui/models/panel_marks.py" line="192"/>
        <source>各裁判分数取平均</source>
        <translation>mean of the judges&apos; marks</translation>
    </message>
    <message>
        <location filename="../../ui/models/panel_marks.py" line="193"/>
        <source>{module}（满分 {maximum}）：{how}，四舍五入到两位小数</source>
        <translation>{module} (max. {maximum}): {how}, rounded half-up to 2 decimals</translation>
    </message>
    <message>
        <location filename="../../ui/models/panel_marks.py" line="196"/>
        <source>各模块成绩之和；有裁判未评分时为空</source>
        <translation>The sum of the module results; empty while any judge&apos;s mark is missing</translation>
    </message>
    <message>
        <location filename="../../ui/models/panel_marks.py" line="246"/>
        <source>最低分，已去掉（不计入模块成绩）</source>
        <translation>Lowest mark, dropped (not counted in the module result)</translation>
    </message>
    <message>
        <location filename="../../ui/models/panel_marks.py" line="247"/>
        <source>最高分，已去掉（不计入模块成绩）</source>
        <translation>Highest mark, dropped (not counted in the module result)</translation>
    </message>
    <message>
        <location filename="../../ui/models/panel_marks.py" line="251"/>
        <source>尚未评分：{judges}</source>
        <translation>Not marked yet: {judges}</translation>
    </message>
    <message>
        <location filename="../../ui/models/panel_marks.py" line="253"/>
        <source>技能操作缺考；在此格按 Delete 可撤销缺考</source>
        <translation>Absent from the practical part; press Delete on this cell to take 缺考 back</translation>
    </message>
</context>
<context>
    <name>PanelSchemeBox</name>
    <message>
        <location filename="../../ui/dialogs/panel_scheme.py" line="23"/>
        <source>技能操作由评分裁判组打分（各裁判分数汇总为技能操作成绩）</source>
        <translation>Practical marked by a judging panel (the judges&apos; marks add up to the practical mark)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/panel_scheme.py" line="32"/>
        <source>例如 实操:70,答辩:30；留空为一个模块（技能操作，满分 100）</source>
        <translation>e.g. 实操:70,答辩:30; empty: one module (技能操作, max. 100)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/panel_scheme.py" line="34"/>
        <source>去掉一个最高分和一个最低分后取平均</source>
        <translation>trimmed mean (one highest and one lowest mark dropped)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/panel_scheme.py" line="35"/>
        <source>各裁判分数取平均</source>
        <translation>mean of the judges&apos; marks</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/panel_scheme.py" line="36"/>
        <source>裁判人数</source>
        <translation>Judges</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/panel_scheme.py" line="37"/>
        <source>模块（名称:满分）</source>
        <translation>Modules (NAME:MAX)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/panel_scheme.py" line="38"/>
        <source>汇总方式</source>
        <translation>Aggregation</translation>
    </message>
</context>
<context>
    <name>PendingMarks</name>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="66"/>
        <source>{module} · 裁判 {judge}</source>
        <translation>{module} · judge {judge}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="76"/>
        <source>不一致</source>
        <translation>Disagree</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="76"/>
        <source>待复核（只录入一遍）</source>
        <translation>To be checked (typed once)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="87"/>
        <source>（第 {n} 遍录入）</source>
        <translation> (pass {n})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="88"/>
        <source>录入台「{desk}」</source>
        <translation>Desk &apos;{desk}&apos;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="113"/>
        <source>复核不一致</source>
        <translation>Entries that disagree</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="116"/>
        <source>以下成绩尚未计入。请裁判长对照原始成绩单，选中一项，输入成绩单上的值并输入裁判长口令。</source>
        <translation>These marks do not count yet. Chief judge: with the original mark sheet in hand, select one, type the value on the sheet and give the PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="120"/>
        <source>两次录入不一致</source>
        <translation>The two entries disagree</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="122"/>
        <source>也显示只录入了一遍的成绩</source>
        <translation>Also show marks typed only once</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="126"/>
        <location filename="../../ui/dialogs/pending_marks.py" line="134"/>
        <location filename="../../ui/dialogs/pending_marks.py" line="173"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="126"/>
        <location filename="../../ui/dialogs/pending_marks.py" line="134"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="127"/>
        <location filename="../../ui/dialogs/pending_marks.py" line="135"/>
        <source>项目</source>
        <translation>Mark</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="127"/>
        <source>录入（录入员）</source>
        <translation>Entry (operator)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="128"/>
        <source>复核（录入员）</source>
        <translation>Check (operator)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="128"/>
        <source>情况</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="132"/>
        <source>录入台冲突（合并录入台文件时保留待裁定）</source>
        <translation>Desk conflicts (held when desk files were merged)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="135"/>
        <source>本文件的值</source>
        <translation>Value in this file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="136"/>
        <source>录入台的值（录入员）</source>
        <translation>Desk&apos;s value (operator)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="144"/>
        <source>原始成绩单上的值：</source>
        <translation>Value on the mark sheet:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="150"/>
        <source>裁定…</source>
        <translation>Settle…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="173"/>
        <source>编号 / 评分号</source>
        <translation>No. / Code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="221"/>
        <source>待裁定 {n} 项</source>
        <translation>{n} to settle</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="222"/>
        <source>没有待裁定的不一致</source>
        <translation>Nothing to settle</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="229"/>
        <source>评分号 {code}</source>
        <translation>Code {code}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="230"/>
        <source>编号 {no}</source>
        <translation>No. {no}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="271"/>
        <source>按原始成绩单将{who}的{field}定为「{value}」。此裁定记入日志。</source>
        <translation>Set {field} of {who} to &apos;{value}&apos; as on the original mark sheet. The decision goes to the log.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="248"/>
        <source>请输入原始成绩单上的值</source>
        <translation>Type the value from the original mark sheet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pending_marks.py" line="270"/>
        <source>裁定成绩</source>
        <translation>Settle a mark</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../ui/dialogs/pin.py" line="35"/>
        <source>理由（记入日志）</source>
        <translation>Reason (logged)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/appeal.py" line="131"/>
        <location filename="../../ui/dialogs/pin.py" line="39"/>
        <location filename="../../ui/dialogs/reveal.py" line="54"/>
        <source>裁判长口令</source>
        <translation>Chief judge&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pin.py" line="48"/>
        <source>请填写理由</source>
        <translation>A reason is required</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/models/preview.py" line="59"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/models/preview.py" line="60"/>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../ui/models/preview.py" line="61"/>
        <source>未变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/models/preview.py" line="62"/>
        <source>录入</source>
        <translation>Enter</translation>
    </message>
</context>
<context>
    <name>Projector</name>
    <message>
        <location filename="../../ui/projector.py" line="59"/>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="60"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="61"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="62"/>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="63"/>
        <source>理论知识</source>
        <translation>Theory</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="64"/>
        <source>技能操作</source>
        <translation>Practical</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="65"/>
        <source>总成绩</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="66"/>
        <source>晋级</source>
        <translation>Advances</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="67"/>
        <source>取证等级</source>
        <translation>Certificate level</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="78"/>
        <source>投影 · {name}</source>
        <translation>Projector · {name}</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="279"/>
        <source>尚无选手</source>
        <translation>No contestants yet</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="299"/>
        <source>已定稿 · 第 {v} 版</source>
        <translation>Finalised · version {v}</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="301"/>
        <source>实时成绩 · 未定稿</source>
        <translation>Live results · not finalised</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="314"/>
        <source>成绩待公布</source>
        <translation>Results to be announced</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="316"/>
        <source>排名人数 {n}</source>
        <translation>Ranked {n}</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="318"/>
        <source>晋级名额 {q}（✓ 晋级，粗线为晋级线）</source>
        <translation>Quota {q} (✓ advances; the thick line is the cut-off)</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="323"/>
        <source>第 {page}/{pages} 页</source>
        <translation>Page {page}/{pages}</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="325"/>
        <source> · 每 {s} 秒翻页</source>
        <translation> · next page every {s} s</translation>
    </message>
    <message>
        <location filename="../../ui/projector_control.py" line="97"/>
        <source>翻页间隔</source>
        <translation>Page interval</translation>
    </message>
    <message>
        <location filename="../../ui/projector_control.py" line="98"/>
        <source>每页停留秒数（0 = 不自动翻页）：</source>
        <translation>Seconds per page (0 = do not turn pages):</translation>
    </message>
    <message>
        <location filename="../../ui/projector_control.py" line="112"/>
        <source>投影模式（第二屏幕）</source>
        <translation>Projector (second screen)</translation>
    </message>
    <message>
        <location filename="../../ui/projector_control.py" line="116"/>
        <source>投影时隐藏成绩（待公布）</source>
        <translation>Hide marks on the projector (until announced)</translation>
    </message>
    <message>
        <location filename="../../ui/projector_control.py" line="122"/>
        <source>投影翻页间隔…</source>
        <translation>Projector page interval…</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <location filename="../../ui/models/ranking.py" line="210"/>
        <source>技能操作成绩决定名次：总成绩 {total} 与其他选手相同，按技能操作成绩 {practical} 排序</source>
        <translation>Placed by practical mark: the total {total} equals another contestant&apos;s; ordered by the practical mark {practical}</translation>
    </message>
    <message>
        <location filename="../../ui/models/ranking.py" line="215"/>
        <source>并列待定：总成绩 {total} 和技能操作成绩 {practical} 均与 {others} 相同，名次 {a}–{b} 须由组委会裁定或抽签</source>
        <translation>Tie to be decided: total {total} and practical {practical} are the same as {others}; ranks {a}–{b} must be ordered by the committee or by lot</translation>
    </message>
    <message>
        <location filename="../../ui/models/ranking.py" line="221"/>
        <source>抽签确定：总成绩和技能操作成绩均相同，按抽签排序（种子 {seed}）</source>
        <translation>Decided by lot: equal total and practical, ordered by a drawn lot (seed {seed})</translation>
    </message>
    <message>
        <location filename="../../ui/models/ranking.py" line="223"/>
        <source>组委会裁定：总成绩和技能操作成绩均相同，理由：{reason}</source>
        <translation>Decided by committee: equal total and practical; reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/models/ranking.py" line="227"/>
        <source>{fields}待定：并列待定解决后才能确定</source>
        <translation>{fields} undecided until the tie is decided</translation>
    </message>
    <message>
        <location filename="../../ui/models/ranking.py" line="229"/>
        <source>成绩待录入，暂不排名</source>
        <translation>Marks not entered: not ranked yet</translation>
    </message>
    <message>
        <location filename="../../ui/models/ranking.py" line="231"/>
        <source>{status}：不排名，不计入参赛人数</source>
        <translation>{status}: not ranked and not counted in N</translation>
    </message>
</context>
<context>
    <name>RankingTab</name>
    <message>
        <location filename="../../ui/views/ranking_tab.py" line="31"/>
        <source>显示全部</source>
        <translation>Show all</translation>
    </message>
    <message>
        <location filename="../../ui/views/ranking_tab.py" line="64"/>
        <source>只显示晋级（含待定）</source>
        <translation>Only those advancing (or undecided)</translation>
    </message>
    <message>
        <location filename="../../ui/views/ranking_tab.py" line="65"/>
        <source>只显示待录入</source>
        <translation>Only marks not entered</translation>
    </message>
    <message>
        <location filename="../../ui/views/ranking_tab.py" line="66"/>
        <source>只显示并列待定</source>
        <translation>Only ties to be decided</translation>
    </message>
    <message>
        <location filename="../../ui/views/ranking_tab.py" line="68"/>
        <source>筛选：{name}（{n} 行）</source>
        <translation>Filter: {name} ({n} rows)</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../../ui/dialogs/reveal.py" line="26"/>
        <source>每个评分号都已有技能操作成绩（或缺考）</source>
        <translation>Every code has a practical mark (or Absent)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reveal.py" line="27"/>
        <source>复核（双人录入）的技能操作成绩都已一致</source>
        <translation>Every double-entered practical mark agrees</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reveal.py" line="28"/>
        <source>录入台冲突都已由裁判长裁定</source>
        <translation>Every desk conflict is settled by the chief judge</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reveal.py" line="36"/>
        <location filename="../../ui/dialogs/reveal.py" line="59"/>
        <source>解密</source>
        <translation>Reveal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reveal.py" line="39"/>
        <source>解密后显示每个评分号对应的选手，排名随即显示；技能操作成绩自此锁定，修改须裁判长口令并写明理由，并列入申诉处理登记表。</source>
        <translation>The reveal shows who each code is and the ranking with it; practical marks are locked from then on: a change needs the chief judge&apos;s PIN and a reason, and is listed on the appeals register.</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../ui/models/roster.py" line="107"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/models/roster.py" line="113"/>
        <source>准予参赛</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <location filename="../../ui/models/roster.py" line="114"/>
        <source>符合条件</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <location filename="../../ui/models/roster.py" line="132"/>
        <source>裁判长准予参赛，理由：{reason}</source>
        <translation>Admitted by the chief judge; reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/models/roster.py" line="138"/>
        <source>男</source>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../../ui/models/roster.py" line="138"/>
        <source>女</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../ui/models/roster.py" line="139"/>
        <source>女干部</source>
        <translation>Female cadre</translation>
    </message>
    <message>
        <location filename="../../ui/models/roster.py" line="139"/>
        <source>女工人</source>
        <translation>Female worker</translation>
    </message>
</context>
<context>
    <name>RosterTab</name>
    <message>
        <location filename="../../ui/views/tabs.py" line="61"/>
        <source>导入名单…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <location filename="../../ui/views/tabs.py" line="62"/>
        <source>准予参赛…</source>
        <translation>Admit…</translation>
    </message>
    <message>
        <location filename="../../ui/views/tabs.py" line="63"/>
        <source>裁判长写明理由，准予某编号违反资格规定参赛（导入名单前或导入被拒后）</source>
        <translation>The chief judge admits a number against an eligibility rule with a written reason (before importing the roster, or after it was refused)</translation>
    </message>
    <message>
        <location filename="../../ui/views/tabs.py" line="64"/>
        <source>导出名单…</source>
        <translation>Export roster…</translation>
    </message>
    <message>
        <location filename="../../ui/views/tabs.py" line="90"/>
        <source>共 {n} 人 · 准予参赛 {admitted} 人</source>
        <translation>{n} contestants · {admitted} admitted</translation>
    </message>
</context>
<context>
    <name>Sealed</name>
    <message>
        <location filename="../../ui/models/appeals.py" line="46"/>
        <location filename="../../ui/projector.py" line="229"/>
        <location filename="../../ui/views/tabs.py" line="48"/>
        <source>已加密，解密后显示</source>
        <translation>Sealed: shown after the reveal</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../ui/views/ranking_view.py" line="146"/>
        <source>图例</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../../ui/views/ranking_view.py" line="152"/>
        <source>组委会裁定 / 抽签确定</source>
        <translation>Decided by committee / by lot</translation>
    </message>
    <message>
        <location filename="../../ui/views/ranking_view.py" line="167"/>
        <source>晋级分数线（粗线以上晋级）</source>
        <translation>Advancement cut-off (above the thick line advance)</translation>
    </message>
    <message>
        <location filename="../../ui/views/ranking_view.py" line="171"/>
        <source>鼠标停在某行上可查看原因。</source>
        <translation>Hover over a row to see why.</translation>
    </message>
    <message>
        <location filename="../../ui/views/ranking_view.py" line="176"/>
        <source>提示</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../ui/views/ranking_view.py" line="191"/>
        <source>无</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>SourcesDialog</name>
    <message>
        <location filename="../../ui/dialogs/sources.py" line="27"/>
        <source>组委会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sources.py" line="27"/>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sources.py" line="28"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sources.py" line="28"/>
        <source>晋级人数</source>
        <translation>Advancing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sources.py" line="29"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sources.py" line="29"/>
        <source>加入时间</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sources.py" line="30"/>
        <source>录入员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sources.py" line="30"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sources.py" line="31"/>
        <source>成绩指纹</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sources.py" line="40"/>
        <source>成绩来源</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sources.py" line="59"/>
        <source>添加来源…</source>
        <translation>Add source…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sources.py" line="94"/>
        <source>本文件的名单不是由成绩交接文件生成的。</source>
        <translation>This file&apos;s roster was not built from handoff files.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sources.py" line="96"/>
        <source>本阶段名单来自以下{stage}成绩交接文件。较晚送到的文件或某组委会的新版本可在此加入；新版本会替换旧版本。</source>
        <translation>This stage&apos;s roster comes from the {stage} handoff files below. A file that arrives late, or a newer version of a committee&apos;s file, can be added here; a newer version replaces the older one.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../ui/start_page.py" line="30"/>
        <source>成绩管理</source>
        <translation>Scoring desk</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="35"/>
        <source>新建竞赛…</source>
        <translation>New competition…</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="36"/>
        <source>打开竞赛文件…</source>
        <translation>Open competition file…</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="37"/>
        <source>打开演示（60 名选手，含待录、并列）</source>
        <translation>Open the demo (60 contestants, missing marks, ties)</translation>
    </message>
    <message>
        <location filename="../../ui/start_page.py" line="44"/>
        <source>最近打开：</source>
        <translation>Recent files:</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <location filename="../../ui/statistics_view.py" line="40"/>
        <source>总成绩</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="41"/>
        <source>理论知识</source>
        <translation>Theory</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="42"/>
        <source>技能操作</source>
        <translation>Practical</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="118"/>
        <source>{part}（{n} 人）</source>
        <translation>{part} ({n} ranked)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="126"/>
        <source>平均 {mean} · 中位数 {median} · 标准差 {sd}</source>
        <translation>mean {mean} · median {median} · std. dev. {sd}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="129"/>
        <source> · 缺考 {n} 人计为 0</source>
        <translation> · {n} absent counted as 0</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="131"/>
        <source>尚无排名成绩</source>
        <translation>No ranked results yet</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="223"/>
        <source>试算名额</source>
        <translation>Trial quota</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="226"/>
        <source>关</source>
        <translation>Off</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="227"/>
        <source>看看较小的晋级名额会在哪里划线；只是试算，不改变设置</source>
        <translation>See where a smaller quota would cut; a trial only, the setting is not changed</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="229"/>
        <source>导出 PNG…</source>
        <translation>Export PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="265"/>
        <source>各工作单位人数</source>
        <translation>By employer</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="318"/>
        <source>成绩分布统计 · {event} · {stage} · {committee}</source>
        <translation>Statistics · {event} · {stage} · {committee}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="334"/>
        <source>排名人数 N = {n}</source>
        <translation>Ranked N = {n}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="336"/>
        <source>晋级名额 {q}</source>
        <translation>Quota {q}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="338"/>
        <source>晋级线 {total}（第 {rank} 名）</source>
        <translation>Cut-off {total} (rank {rank})</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="341"/>
        <source>晋级待定 {n} 人</source>
        <translation>Advancement open for {n}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="346"/>
        <source>晋级线 {total}</source>
        <translation>Cut-off {total}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="349"/>
        <source>{level} 最低 {total}</source>
        <translation>{level} from {total}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="358"/>
        <source>及格线 {mark}</source>
        <translation>Pass mark {mark}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="369"/>
        <source>试算：名额 {q} 时晋级线为 {total}</source>
        <translation>Trial: with a quota of {q} the cut-off is {total}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="371"/>
        <source>；此处有并列待定，需组委会裁定或抽签后才能确定谁晋级</source>
        <translation>; a tie to be decided sits there: who advances is open until the committee decides or lots are drawn</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="374"/>
        <source>试算 {q} 名</source>
        <translation>Trial {q}</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="380"/>
        <source>导出 PNG</source>
        <translation>Export PNG</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_view.py" line="390"/>
        <source>无法写入 {path}</source>
        <translation>Cannot write {path}</translation>
    </message>
</context>
<context>
    <name>TieOrderDialog</name>
    <message>
        <location filename="../../ui/dialogs/tie_order.py" line="18"/>
        <source>组委会裁定并列名次</source>
        <translation>Order a tie by committee decision</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/tie_order.py" line="21"/>
        <source>以下选手总成绩和技能操作成绩均相同。请按组委会裁定的顺序排列（最上面为第 {rank} 名），写明理由，并输入裁判长口令。</source>
        <translation>These contestants have equal totals and equal practical marks. Put them in the committee&apos;s order (the top one takes rank {rank}), give the reason and the chief judge&apos;s PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/tie_order.py" line="35"/>
        <source>上移</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/tie_order.py" line="36"/>
        <source>下移</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/tie_order.py" line="49"/>
        <source>理由（记入日志）</source>
        <translation>Reason (logged)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/tie_order.py" line="50"/>
        <source>裁判长口令</source>
        <translation>Chief judge&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/tie_order.py" line="69"/>
        <source>请填写理由</source>
        <translation>A reason is required</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../ui/words.py" line="19"/>
        <source>初赛</source>
        <translation>Prelim</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="20"/>
        <source>复赛</source>
        <translation>Semifinal</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="21"/>
        <source>决赛</source>
        <translation>Final</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="23"/>
        <source>已排名</source>
        <translation>Ranked</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="24"/>
        <source>待录入</source>
        <translation>Not entered</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="25"/>
        <source>缺考</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="26"/>
        <source>弃权</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="27"/>
        <source>取消资格</source>
        <translation>Disqualified</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="29"/>
        <source>技能操作成绩决定名次</source>
        <translation>Placed by practical mark</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="30"/>
        <source>并列待定</source>
        <translation>Tie to be decided</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="31"/>
        <source>组委会裁定</source>
        <translation>Decided by committee</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="32"/>
        <source>抽签确定</source>
        <translation>Decided by lot</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="34"/>
        <source>晋级</source>
        <translation>Advances</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="35"/>
        <source>待定</source>
        <translation>Undecided</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="36"/>
        <source>纳入技能人才库</source>
        <translation>Talent pool</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="37"/>
        <source>推荐参评劳动奖项</source>
        <translation>Award nomination</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="38"/>
        <source>参赛人数不足30人</source>
        <translation>Fewer than 30 contestants</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="39"/>
        <source>有并列待定</source>
        <translation>Ties to be decided</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="40"/>
        <source>有成绩待录入</source>
        <translation>Marks not entered</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="42"/>
        <source>理论知识</source>
        <translation>Theory</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="43"/>
        <source>技能操作</source>
        <translation>Practical</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="44"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="45"/>
        <source>晋级名额</source>
        <translation>Quota</translation>
    </message>
    <message>
        <location filename="../../ui/words.py" line="80"/>
        <source>资助 {0} 元</source>
        <translation>Subsidy {0} yuan</translation>
    </message>
</context>
</TS>
