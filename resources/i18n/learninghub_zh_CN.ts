<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgendaActions</name>
    <message>
        <source>Deleted {what} — Ctrl+Z brings it back</source>
        <translation>已删除{what}——按 Ctrl+Z 可恢复</translation>
    </message>
    <message>
        <source>Cancelled {what} — Ctrl+Z brings it back</source>
        <translation>已取消{what}——按 Ctrl+Z 可恢复</translation>
    </message>
    <message>
        <source>“{title}” on {day}</source>
        <translation>{day}的“{title}”</translation>
    </message>
</context>
<context>
    <name>AgendaTab</name>
    <message>
        <source>One of a repeating series (Cancel occurrence takes out this one; Edit can change them all)</source>
        <translation>属于一个重复系列（“取消本次”只取消这一场；“编辑”可修改整个系列）</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Timetable</source>
        <translation>时间表</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n conflict(s) (warnings; nothing is blocked):</source>
        <translation>
            <numerusform>⚠ %n 处冲突（仅为提醒，不影响保存）：</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation>新建日程(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>复制(&amp;U)…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <source>Cancel &amp;occurrence</source>
        <translation>取消本次(&amp;O)</translation>
    </message>
    <message>
        <source>Cancel this one occurrence of a repeating session; the others stay</source>
        <translation>只取消重复日程中的这一次，其余保留</translation>
    </message>
</context>
<context>
    <name>AttendanceDocs</name>
    <message>
        <source>eligible</source>
        <translation>符合条件</translation>
    </message>
    <message>
        <source>not eligible</source>
        <translation>不符合条件</translation>
    </message>
    <message>
        <source>{verdict} — {reason}{code}</source>
        <translation>{verdict}——{reason}{code}</translation>
    </message>
    <message>
        <source>{name}: {verdict} — {reason}{code}</source>
        <translation>{name}：{verdict}——{reason}{code}</translation>
    </message>
    <message numerus="yes">
        <source>{eligible} of %n registered are eligible (rule: {rule}).</source>
        <translation>
            <numerusform>已报名 %n 人，其中 {eligible} 人符合条件（规则：{rule}）。</numerusform>
        </translation>
    </message>
    <message>
        <source>No one is registered yet.</source>
        <translation>尚无人报名。</translation>
    </message>
    <message>
        <source>Certificates: who is &amp;eligible</source>
        <translation>结业证书：符合条件人员(&amp;E)</translation>
    </message>
    <message>
        <source>Issue and preview cer&amp;tificates</source>
        <translation>颁发并预览结业证书(&amp;T)</translation>
    </message>
    <message>
        <source>Gives each eligible person a certificate code (the same code again if they have one) and shows the pages</source>
        <translation>为每位符合条件的人员生成证书编号（已有编号者沿用原编号），并显示证书页面</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Preview &amp;badges</source>
        <translation>预览胸卡(&amp;B)</translation>
    </message>
    <message>
        <source>Sign-in s&amp;heet for</source>
        <translation>签到表日程(&amp;H)</translation>
    </message>
    <message>
        <source>Preview si&amp;gn-in sheet</source>
        <translation>预览签到表(&amp;G)</translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>&amp;Backup…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>Res&amp;tore…</source>
        <translation>恢复(&amp;T)…</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Learning Hub backup (*.sqlite);;Portable dump (*.jsonl);;All files (*)</source>
        <translation>Learning Hub 备份 (*.sqlite);;可移植导出 (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backup written to {path}</source>
        <translation>备份已写入 {path}</translation>
    </message>
    <message>
        <source>Backing up the database</source>
        <translation>正在备份数据库</translation>
    </message>
    <message>
        <source>No backup</source>
        <translation>未备份</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Learning Hub backups (*.sqlite *.db *.jsonl *.json);;All files (*)</source>
        <translation>Learning Hub 备份 (*.sqlite *.db *.jsonl *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Replace everything in this database by the backup {name}?

A copy of the database as it is now is kept first.</source>
        <translation>用备份 {name} 替换此数据库中的全部内容？

替换前会先保留数据库当前状态的副本。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Restored {name}; the data as it was is kept as {copy}</source>
        <translation>已恢复 {name}；原有数据保留为 {copy}</translation>
    </message>
    <message>
        <source>Restoring a backup</source>
        <translation>正在恢复备份</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>未恢复</translation>
    </message>
</context>
<context>
    <name>CheckIn</name>
    <message>
        <source>  (waiting list)</source>
        <translation>（候补名单）</translation>
    </message>
    <message>
        <source>No one on this list matches “{typed}”</source>
        <translation>名单中没有与“{typed}”匹配的人</translation>
    </message>
    <message>
        <source>{name} is already checked in</source>
        <translation>{name} 已签到</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>未签到</translation>
    </message>
</context>
<context>
    <name>CheckInTab</name>
    <message>
        <source>&amp;Session</source>
        <translation>日程(&amp;S)</translation>
    </message>
    <message>
        <source>F&amp;ind</source>
        <translation>查找(&amp;I)</translation>
    </message>
    <message>
        <source>Name in any script or organisation, then Enter to check in the one match (Down: into the list, Space ticks)</source>
        <translation>输入姓名（任何文字）或单位，按回车为唯一匹配者签到（下方向键：进入名单，空格键：勾选）</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>会场</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
</context>
<context>
    <name>ConnectServerDialog</name>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>The PostgreSQL driver (psycopg) is not installed. Install it with:
pip install &quot;learninghub-planner[postgres]&quot;</source>
        <translation>PostgreSQL 驱动（psycopg）未安装。请用以下命令安装：
pip install &quot;learninghub-planner[postgres]&quot;</translation>
    </message>
    <message>
        <source>The server asks for a password for {user}. Enter it and try again.</source>
        <translation>服务器要求输入 {user} 的密码。请输入后重试。</translation>
    </message>
    <message>
        <source>Wrong password for the user {user} on {host}.</source>
        <translation>{host} 上用户 {user} 的密码错误。</translation>
    </message>
    <message>
        <source>The server has no database called {database}. Ask its administrator to create it (createdb {database}); it is set up on the first connection.</source>
        <translation>服务器上没有名为 {database} 的数据库。请管理员创建它（createdb {database}）；首次连接时会自动完成设置。</translation>
    </message>
    <message>
        <source>The server does not know the user {user}, or does not let it in from here.</source>
        <translation>服务器不认识用户 {user}，或不允许其从此处登录。</translation>
    </message>
    <message>
        <source>The server at {host} cannot be reached. Is it running, and are the host and port right?
({details})</source>
        <translation>无法连接到 {host} 上的服务器。服务器是否在运行？主机和端口是否正确？
（{details}）</translation>
    </message>
    <message>
        <source>Could not connect to {where}: {details}</source>
        <translation>无法连接到 {where}：{details}</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>That is not a PostgreSQL URL (it starts postgresql://).</source>
        <translation>这不是 PostgreSQL 网址（应以 postgresql:// 开头）。</translation>
    </message>
    <message>
        <source>Read the URL into the fields.</source>
        <translation>已将网址填入各栏。</translation>
    </message>
    <message>
        <source>Enter the host and the database.</source>
        <translation>请输入主机和数据库。</translation>
    </message>
    <message>
        <source>a Learning Hub database, up to date.</source>
        <translation>Learning Hub 数据库，已是最新版本。</translation>
    </message>
    <message>
        <source>an empty database: Connect sets it up.</source>
        <translation>空数据库：点击“连接”即可完成设置。</translation>
    </message>
    <message>
        <source>a Learning Hub database of an older version: Connect upgrades it.</source>
        <translation>旧版本的 Learning Hub 数据库：点击“连接”即可升级。</translation>
    </message>
    <message>
        <source>Connected to {server} at {where}: {state}</source>
        <translation>已连接到 {where} 上的 {server}：{state}</translation>
    </message>
    <message>
        <source>Connecting to {where}…</source>
        <translation>正在连接 {where}…</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>正在测试连接</translation>
    </message>
    <message>
        <source>Connecting to the server</source>
        <translation>正在连接服务器</translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation>连接到服务器</translation>
    </message>
    <message>
        <source>Work on a Learning Hub database shared on a PostgreSQL server. An empty database is set up on the first connection.</source>
        <translation>使用 PostgreSQL 服务器上共享的 Learning Hub 数据库。空数据库会在首次连接时自动设置。</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>主机(&amp;H)</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>端口(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>数据库(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>密码(&amp;W)</translation>
    </message>
    <message>
        <source>The password is never saved. Leave it empty to use PGPASSWORD or ~/.pgpass.</source>
        <translation>密码从不保存。留空则使用 PGPASSWORD 或 ~/.pgpass。</translation>
    </message>
    <message>
        <source>or &amp;paste a URL</source>
        <translation>或粘贴网址(&amp;P)</translation>
    </message>
    <message>
        <source>postgresql://user@host/database</source>
        <translation>postgresql://用户@主机/数据库</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
</context>
<context>
    <name>CoreText</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>{present} of %n present</source>
        <translation>
            <numerusform>{present} / %n 人已到</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — %n new code(s) issued</source>
        <translation>
            <numerusform>——新发 %n 个证书编号</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n 场日程</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) of {title}</source>
        <translation>
            <numerusform>“{title}”的 %n 条报名</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n calendar event(s) of {title}</source>
        <translation>
            <numerusform>“{title}”的 %n 个日历事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — once the %n problem(s) are fixed</source>
        <translation>
            <numerusform>——须先解决 %n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n on the waiting list</source>
        <translation>
            <numerusform>，候补 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{start} – {end} (%n day(s), times in {zone})</source>
        <translation>
            <numerusform>{start} – {end}（共 %n 天，时间为 {zone} 时区）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (+%n day(s))</source>
        <translation>
            <numerusform>（+%n 天）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting list (%n), first come first served: </source>
        <translation>
            <numerusform>候补名单（%n 人，按先后顺序）：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{document}: %n page(s), {path}</source>
        <translation>
            <numerusform>{document}：%n 页，{path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CurriculumPage</name>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;itle (中文)</source>
        <translation>中文标题(&amp;I)</translation>
    </message>
    <message>
        <source>Chinese title, if there is one</source>
        <translation>中文标题（如有）</translation>
    </message>
    <message>
        <source>First &amp;year</source>
        <translation>起始年份(&amp;Y)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>&amp;Last year</source>
        <translation>结束年份(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>简介(&amp;D)</translation>
    </message>
    <message>
        <source>Descriptio&amp;n (中文)</source>
        <translation>中文简介(&amp;N)</translation>
    </message>
</context>
<context>
    <name>CurriculumPageView</name>
    <message numerus="yes">
        <source>%n seminar(s) in this curriculum. Choose one in the tree to edit it.</source>
        <translation>
            <numerusform>本课程体系共有 %n 场研讨会。在左侧树中选择一场即可编辑。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatabaseSwitcher</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>No backup of it was found.</source>
        <translation>未找到它的备份。</translation>
    </message>
    <message>
        <source>Learning Hub databases (*.sqlite *.db);;All files (*)</source>
        <translation>Learning Hub 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Connect to a server…</source>
        <translation>连接到服务器(&amp;C)…</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>That file exists already. Choose Open database to open it.</source>
        <translation>该文件已存在。请使用“打开数据库”打开它。</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Connected to {where}</source>
        <translation>已连接到 {where}</translation>
    </message>
    <message>
        <source>Upgraded; the previous version is kept as {name}</source>
        <translation>已升级；旧版本保留为 {name}</translation>
    </message>
    <message>
        <source>Connecting to {where}</source>
        <translation>正在连接 {where}</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>The newest good backup is {name}, made {when}. Restore it? The damaged file is kept beside it as a safety copy.</source>
        <translation>最新的完好备份是 {name}（{when} 生成）。要恢复它吗？损坏的文件会作为安全副本保留在旁边。</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>&amp;Restore the backup</source>
        <translation>恢复备份(&amp;R)</translation>
    </message>
    <message>
        <source>{name} is read-only: it can be read but not changed</source>
        <translation>{name} 为只读：可以查看，但不能修改</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>2022-03-14</source>
        <translation>2022-03-14</translation>
    </message>
    <message>
        <source>Type the day as 2022-03-14 or your usual way (14/03/2022, 14 Mar); Up/Down: a day earlier or later; Alt+Down: a calendar</source>
        <translation>日期可输入为 2022-03-14，或按您习惯的写法（2022年3月14日、2022/3/14）；上/下方向键：前一天/后一天；Alt+下方向键：打开日历</translation>
    </message>
    <message>
        <source>Choose on a calendar (Alt+Down)</source>
        <translation>在日历中选择（Alt+下方向键）</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>“{text}” is not a day: type it as 2022-03-14 or 14/03/2022</source>
        <translation>“{text}”不是有效日期：请输入如 2022-03-14 或 2022年3月14日</translation>
    </message>
    <message>
        <source>14:30</source>
        <translation>14:30</translation>
    </message>
    <message>
        <source>Type the time as 14:30, 1430 or 2:30 pm; Up/Down: 5 minutes earlier or later</source>
        <translation>时间可输入为 14:30、1430 或 下午2:30；上/下方向键：提前/推后 5 分钟</translation>
    </message>
    <message>
        <source>“{text}” is not a time: type it as 14:30</source>
        <translation>“{text}”不是有效时间：请输入如 14:30</translation>
    </message>
</context>
<context>
    <name>DiscardGuard</name>
    <message>
        <source>Discard changes?</source>
        <translation>放弃更改？</translation>
    </message>
    <message>
        <source>Close without saving what you changed here?</source>
        <translation>不保存此处所做的更改就关闭吗？</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>培训计划</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>结业证书</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>胸卡</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>签到表</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>US letter</source>
        <translation>美国信纸</translation>
    </message>
    <message>
        <source>Save the {document}</source>
        <translation>保存{document}</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Making the {document}…</source>
        <translation>正在生成{document}…</translation>
    </message>
    <message>
        <source>Certificate {done} of {total}</source>
        <translation>第 {done} / {total} 张证书</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>正在准备预览…</translation>
    </message>
    <message>
        <source>cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source> — no font has: {characters}</source>
        <translation>——没有字体包含：{characters}</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消；未写入任何文件。</translation>
    </message>
    <message>
        <source>The document could not be made: {error}</source>
        <translation>无法生成文档：{error}</translation>
    </message>
    <message>
        <source>No document</source>
        <translation>未生成文档</translation>
    </message>
    <message>
        <source>Agenda of this seminar</source>
        <translation>本研讨会议程</translation>
    </message>
    <message>
        <source>Second time &amp;zone</source>
        <translation>第二时区(&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>纸张(&amp;P)</translation>
    </message>
    <message>
        <source>Documents in &amp;language</source>
        <translation>文件语言(&amp;L)</translation>
    </message>
    <message>
        <source>Language of every document on this tab (agenda, programme, certificates, badges, sign-in sheets): headings, weekdays, months, the certificate wording, and the Chinese titles where there are</source>
        <translation>本页所有文件（议程、培训计划、结业证书、胸牌、签到表）的语言：标题、星期、月份、证书措辞，以及已有的中文标题</translation>
    </message>
    <message>
        <source>Pre&amp;view agenda</source>
        <translation>预览议程(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Programme of the whole curriculum</source>
        <translation>整个课程体系的培训计划</translation>
    </message>
    <message>
        <source>Preview p&amp;rogramme</source>
        <translation>预览培训计划(&amp;R)</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Certificates, badges and sign-in sheets</source>
        <translation>结业证书、胸卡和签到表</translation>
    </message>
</context>
<context>
    <name>EvaluationWindow</name>
    <message>
        <source>Evaluation — %1</source>
        <translation>评估 — %1</translation>
    </message>
    <message>
        <source>&amp;Type answers</source>
        <translation>录入答卷(&amp;T)</translation>
    </message>
    <message>
        <source>Documents in:</source>
        <translation>文件语言：</translation>
    </message>
    <message>
        <source>Paper &amp;form…</source>
        <translation>纸质问卷(&amp;F)…</translation>
    </message>
    <message>
        <source>Questions for form &amp;tools…</source>
        <translation>供问卷工具使用的题目(&amp;T)…</translation>
    </message>
    <message>
        <source>Results &amp;PDF…</source>
        <translation>结果 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Results &amp;XLSX…</source>
        <translation>结果 XLSX(&amp;X)…</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>Anonymous (never linked to a registration)</source>
        <translation>匿名（从不与报名关联）</translation>
    </message>
    <message>
        <source>&amp;Create questionnaire</source>
        <translation>创建问卷(&amp;C)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>&amp;Questions</source>
        <translation>题目(&amp;Q)</translation>
    </message>
    <message>
        <source>Check a result &amp;file…</source>
        <translation>检查结果文件(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Microsoft Forms (.xlsx), Google Forms (.csv) or 问卷星 (.xlsx, .csv): nothing is imported until the whole file is right.</source>
        <translation>Microsoft Forms (.xlsx)、Google Forms (.csv) 或问卷星 (.xlsx、.csv)：整个文件无误之前不会导入任何内容。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>I&amp;mport</source>
        <translation>导入(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Results</source>
        <translation>结果(&amp;R)</translation>
    </message>
    <message>
        <source>This seminar has no evaluation questionnaire yet: choose a template and create it.</source>
        <translation>此研讨会还没有评估问卷：请选择一个模板并创建。</translation>
    </message>
    <message>
        <source>%1 questions, %2 responses (%3 linked to registrations)</source>
        <translation>%1 道题，%2 份答卷（%3 份与报名关联）</translation>
    </message>
    <message>
        <source>rating 1–5</source>
        <translation>评分 1–5</translation>
    </message>
    <message>
        <source>one choice</source>
        <translation>单选</translation>
    </message>
    <message>
        <source>several choices</source>
        <translation>多选</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>No answers yet.</source>
        <translation>尚无答卷。</translation>
    </message>
    <message>
        <source>Result file of a form tool</source>
        <translation>问卷工具的结果文件</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv *.txt)</source>
        <translation>电子表格 (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>%1: %2 problems; nothing will be imported until they are mended.</source>
        <translation>%1：%2 个问题；修正之前不会导入任何内容。</translation>
    </message>
    <message>
        <source>%1 (%2): %3 responses to import, %4 imported before, %5 linked to registrations.</source>
        <translation>%1（%2）：待导入 %3 份答卷，之前已导入 %4 份，%5 份与报名关联。</translation>
    </message>
    <message>
        <source>%1 responses imported.</source>
        <translation>已导入 %1 份答卷。</translation>
    </message>
    <message>
        <source>Save the paper form</source>
        <translation>保存纸质问卷</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Paper form saved to %1</source>
        <translation>纸质问卷已保存到 %1</translation>
    </message>
    <message>
        <source>Save the questions for form tools</source>
        <translation>保存供问卷工具使用的题目</translation>
    </message>
    <message>
        <source>Text to paste (*.txt);;CSV (*.csv);;Workbook (*.xlsx)</source>
        <translation>可粘贴的文本 (*.txt);;CSV (*.csv);;工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Questions saved to %1</source>
        <translation>题目已保存到 %1</translation>
    </message>
    <message>
        <source>Save the results</source>
        <translation>保存结果</translation>
    </message>
    <message>
        <source>Workbook (*.xlsx)</source>
        <translation>工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Results saved to %1</source>
        <translation>结果已保存到 %1</translation>
    </message>
    <message>
        <source>Choose a seminar first.</source>
        <translation>请先选择一个研讨会。</translation>
    </message>
    <message>
        <source>E&amp;valuation…</source>
        <translation>评估(&amp;V)…</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 编码 (*.csv)</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar 日历 (*.ics)</translation>
    </message>
    <message>
        <source>All &amp;people…</source>
        <translation>全部人员(&amp;P)…</translation>
    </message>
    <message>
        <source>Programme &amp;calendar (.ics)…</source>
        <translation>培训计划日历(&amp;C) (.ics)…</translation>
    </message>
    <message>
        <source>P&amp;articipants…</source>
        <translation>参会人员(&amp;A)…</translation>
    </message>
    <message>
        <source>Attendance &amp;matrix (XLSX)…</source>
        <translation>出勤表(&amp;M) (XLSX)…</translation>
    </message>
    <message>
        <source>&amp;Seminar calendar (.ics)…</source>
        <translation>研讨会日历(&amp;S) (.ics)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Seminar</source>
        <translation>研讨会</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;file&quot;&gt;Open&lt;/a&gt; · &lt;a href=&quot;folder&quot;&gt;Show folder&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;file&quot;&gt;打开&lt;/a&gt; · &lt;a href=&quot;folder&quot;&gt;打开所在文件夹&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Open the file just exported, or the folder it is in</source>
        <translation>打开刚导出的文件或其所在文件夹</translation>
    </message>
    <message>
        <source>Export all people</source>
        <translation>导出全部人员</translation>
    </message>
    <message>
        <source>people {date}</source>
        <translation>人员 {date}</translation>
    </message>
    <message>
        <source>Export the participants</source>
        <translation>导出参会人员</translation>
    </message>
    <message>
        <source>{title} - participants</source>
        <translation>{title} - 参会人员</translation>
    </message>
    <message>
        <source>the attendance of {people} × {sessions} of {title}</source>
        <translation>“{title}”的出勤情况：{people} × {sessions}</translation>
    </message>
    <message>
        <source>Export the attendance matrix</source>
        <translation>导出出勤表</translation>
    </message>
    <message>
        <source>{title} - attendance</source>
        <translation>{title} - 出勤表</translation>
    </message>
    <message>
        <source>Export the seminar calendar</source>
        <translation>导出研讨会日历</translation>
    </message>
    <message>
        <source>Export the programme calendar</source>
        <translation>导出培训计划日历</translation>
    </message>
    <message>
        <source>Choose a curriculum or one of its seminars in the programme first</source>
        <translation>请先在左侧选择一个课程体系或其中的研讨会</translation>
    </message>
    <message>
        <source>Choose a seminar in the programme first</source>
        <translation>请先在左侧选择一场研讨会</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
    <message>
        <source>Exported {what} to {path}</source>
        <translation>已导出 {what}，保存在 {path}</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
</context>
<context>
    <name>FieldPage</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to “{name}”?</source>
        <translation>是否保存对“{name}”的更改？</translation>
    </message>
    <message>
        <source>Your changes will be lost if you don&apos;t save them.</source>
        <translation>如果不保存，所做的更改将会丢失。</translation>
    </message>
</context>
<context>
    <name>FilePlaces</name>
    <message>
        <source>Not opened</source>
        <translation>未能打开</translation>
    </message>
    <message>
        <source>No program on this computer opens {name}.</source>
        <translation>这台电脑上没有能打开 {name} 的程序。</translation>
    </message>
    <message>
        <source>The file is here: {path}
Install a program for this kind of file (a PDF viewer for PDF files), or open the file from its folder.</source>
        <translation>文件位置：{path}
请安装能打开此类文件的程序（PDF 文件需要 PDF 阅读器），或从文件所在的文件夹中打开。</translation>
    </message>
</context>
<context>
    <name>ImportField</name>
    <message>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Native name</source>
        <translation>本国文字姓名</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>头衔</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Registration date</source>
        <translation>报名日期</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>No seminar: only add or update people</source>
        <translation>不报名研讨会：只添加或更新人员</translation>
    </message>
    <message>
        <source>Import people</source>
        <translation>导入人员</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx *.txt *.tsv);;All files (*)</source>
        <translation>电子表格 (*.csv *.xlsx *.txt *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <source>(column {number})</source>
        <translation>（第 {number} 列）</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>对应字段</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message numerus="yes">
        <source>{source}: {found}; %n row(s) after the header (row 1). The header names chose the fields below; change any.</source>
        <translation>
            <numerusform>{source}：{found}；表头（第 1 行）之后共 %n 行。下方字段已按表头名称选定，可逐一修改。</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the rows</source>
        <translation>正在检查各行</translation>
    </message>
    <message>
        <source>Problems: {count} (nothing is imported while there are any)</source>
        <translation>问题：{count} 个（存在问题时不会导入任何内容）</translation>
    </message>
    <message>
        <source>Problems: none</source>
        <translation>问题：无</translation>
    </message>
    <message>
        <source>{name} (id {id})</source>
        <translation>{name}（编号 {id}）</translation>
    </message>
    <message numerus="yes">
        <source>People already stored whom the file describes differently: %n</source>
        <translation>
            <numerusform>文件描述不同的已存人员：%n</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Importing people</source>
        <translation>正在导入人员</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：未导入任何内容。</translation>
    </message>
    <message>
        <source>The file could not be read: {error}</source>
        <translation>无法读取文件：{error}</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在检查每一行…</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Would be</source>
        <translation>预计</translation>
    </message>
    <message>
        <source>{head}: {created} created · {updated} updated · {skipped} skipped (already stored) · {merged} merged (repeating an earlier row)</source>
        <translation>{head}：新建 {created} · 更新 {updated} · 跳过 {skipped}（已存在）· 合并 {merged}（与前面的行重复）</translation>
    </message>
    <message>
        <source> · {kept} kept as stored (known; the file differs)</source>
        <translation> · {kept} 人保持原样（已存在，文件内容不同）</translation>
    </message>
    <message>
        <source> · {registered} registered · {waitlisted} on the waiting list</source>
        <translation> · 报名 {registered} · 候补 {waitlisted}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>A .csv or .xlsx file with a header row</source>
        <translation>带表头行的 .csv 或 .xlsx 文件</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>Register to &amp;seminar</source>
        <translation>报名研讨会(&amp;S)</translation>
    </message>
    <message>
        <source>as s&amp;tatus</source>
        <translation>报名状态(&amp;T)</translation>
    </message>
    <message>
        <source>Choose a file to see its first rows.</source>
        <translation>选择一个文件以查看其前几行。</translation>
    </message>
    <message>
        <source>Columns: choose what each one holds (first rows shown)</source>
        <translation>列：选择每一列的内容（显示前几行）</translation>
    </message>
    <message>
        <source>Problems (nothing is imported while there are any)</source>
        <translation>问题（存在问题时不会导入任何内容）</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>People already stored: what the file says differently</source>
        <translation>已存人员：文件中的不同之处</translation>
    </message>
    <message>
        <source>&amp;Update them with these values (otherwise they are kept as stored; an empty cell never clears a value)</source>
        <translation>用这些值更新(&amp;U)（否则保持原样；空单元格不会清除已存的值）</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>已存</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>文件中</translation>
    </message>
    <message>
        <source>C&amp;heck again</source>
        <translation>重新检查(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Switch the interface to {language} now?</source>
        <translation>现在就将界面切换为{language}吗？</translation>
    </message>
    <message>
        <source>The window is opened again in the new language; Undo starts afresh there.</source>
        <translation>窗口将以新语言重新打开，之前的撤销记录不再保留。</translation>
    </message>
    <message>
        <source>Switch now</source>
        <translation>立即切换</translation>
    </message>
    <message>
        <source>At the next start</source>
        <translation>下次启动时</translation>
    </message>
    <message>
        <source>The interface language changes at the next start.</source>
        <translation>界面语言将在下次启动时更改。</translation>
    </message>
    <message>
        <source>Interface language: {language}</source>
        <translation>界面语言：{language}</translation>
    </message>
</context>
<context>
    <name>MailWindow</name>
    <message>
        <source>Send e-mail</source>
        <translation>发送电子邮件</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>撰写</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>发件箱</translation>
    </message>
    <message>
        <source>Each person&apos;s language</source>
        <translation>每人各自的语言</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>收件人：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>发件人：</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Insert placeholder…</source>
        <translation>插入占位符…</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>正文：</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>胸牌</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>日程表</translation>
    </message>
    <message>
        <source>Calendar invitation (.ics)</source>
        <translation>日历邀请 (.ics)</translation>
    </message>
    <message>
        <source>Attach:</source>
        <translation>附件：</translation>
    </message>
    <message>
        <source>Send through</source>
        <translation>发送方式</translation>
    </message>
    <message>
        <source>No encryption</source>
        <translation>不加密</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Keep in the system keyring</source>
        <translation>保存在系统密钥环中</translation>
    </message>
    <message>
        <source>Write drafts to</source>
        <translation>将草稿写入</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> a minute</source>
        <translation> 封/分钟</translation>
    </message>
    <message>
        <source>Pace:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Show recipients</source>
        <translation>显示收件人</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Resume the chosen batch</source>
        <translation>继续发送所选批次</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Folder for the drafts</source>
        <translation>草稿文件夹</translation>
    </message>
    <message>
        <source>Cannot fill: %1</source>
        <translation>无法填写：%1</translation>
    </message>
    <message>
        <source>%1 recipients; %2 left out</source>
        <translation>%1 位收件人；%2 人被排除</translation>
    </message>
    <message>
        <source>To: %1
Subject: %2</source>
        <translation>收件人：%1
主题：%2</translation>
    </message>
    <message>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Sending e-mail</source>
        <translation>正在发送电子邮件</translation>
    </message>
    <message>
        <source>%1 messages were being handed over when sending stopped: they may have arrived. Did they arrive (look in the Sent folder)? Yes: record them as sent. No: send them again. Cancel: leave them.</source>
        <translation>发送停止时，有 %1 封邮件正在交给服务器：它们可能已经送达。它们送达了吗（请查看“已发送”文件夹）？是：记为已发送。否：重新发送。取消：暂不处理。</translation>
    </message>
    <message>
        <source>Resuming</source>
        <translation>正在继续发送</translation>
    </message>
    <message>
        <source>Batch %1: %2 sent, %3 failed, %4 not yet sent, %5 unknown.</source>
        <translation>批次 %1：已发送 %2 封，失败 %3 封，尚未发送 %4 封，未知 %5 封。</translation>
    </message>
    <message>
        <source>Cancelled: Resume in the Outbox sends the rest.</source>
        <translation>已取消：在发件箱中点“继续”即可发送其余邮件。</translation>
    </message>
    <message>
        <source>Stopped: %1. Resume in the Outbox sends the rest.</source>
        <translation>已停止：%1。在发件箱中点“继续”即可发送其余邮件。</translation>
    </message>
    <message>
        <source>Choose a seminar first.</source>
        <translation>请先选择一个研讨会。</translation>
    </message>
    <message>
        <source>Send &amp;e-mail…</source>
        <translation>发送电子邮件(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Learning Hub Planner</source>
        <translation>Learning Hub Planner 培训规划</translation>
    </message>
    <message>
        <source>Opening {database}…</source>
        <translation>正在打开 {database}…</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>保存更改(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Import people…</source>
        <translation>导入人员(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Learning Hub Planner</source>
        <translation>关于 Learning Hub Planner(&amp;A)</translation>
    </message>
    <message>
        <source>Saved the changes to “{name}”</source>
        <translation>已保存对“{name}”的更改</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Cannot undo or redo: {step}</source>
        <translation>无法撤销或重做：{step}</translation>
    </message>
    <message numerus="yes">
        <source>%n curricula</source>
        <translation>
            <numerusform>%n 个课程体系</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a seminar on the left to see its overview, agenda and participants.</source>
        <translation>在左侧选择一场研讨会，查看其概况、议程和参会人员。</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>概况(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>议程(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Participants</source>
        <translation>参会人员(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Check-in</source>
        <translation>签到(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>New &amp;seminar…</source>
        <translation>新建研讨会(&amp;S)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;People directory</source>
        <translation>人员名录(&amp;P)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>NewSeminarDialog</name>
    <message>
        <source>New seminar</source>
        <translation>新建研讨会</translation>
    </message>
    <message>
        <source>C&amp;urriculum</source>
        <translation>课程体系(&amp;U)</translation>
    </message>
    <message>
        <source>Choose one, or type the title of a new curriculum</source>
        <translation>选择一个，或输入新课程体系的标题</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;itle (中文)</source>
        <translation>中文标题(&amp;I)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可不填</translation>
    </message>
    <message>
        <source>&amp;First day</source>
        <translation>首日(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Last day</source>
        <translation>末日(&amp;L)</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>时区(&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>地点(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;City</source>
        <translation>城市(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>形式(&amp;O)</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;itle (中文)</source>
        <translation>中文标题(&amp;I)</translation>
    </message>
    <message>
        <source>Chinese title, if there is one</source>
        <translation>中文标题（如有）</translation>
    </message>
    <message>
        <source>&amp;First day</source>
        <translation>首日(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Last day</source>
        <translation>末日(&amp;L)</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>时区(&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>形式(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>地点(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;City</source>
        <translation>城市(&amp;C)</translation>
    </message>
    <message>
        <source>Ca&amp;pacity</source>
        <translation>名额(&amp;P)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Seats taken</source>
        <translation>已占名额</translation>
    </message>
    <message>
        <source>Or&amp;ganisers and partners</source>
        <translation>主办与合作单位(&amp;G)</translation>
    </message>
    <message>
        <source>Organisation (new or existing)</source>
        <translation>单位（新建或已有）</translation>
    </message>
    <message>
        <source>Add / set role</source>
        <translation>添加 / 设置角色</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>简介(&amp;D)</translation>
    </message>
    <message>
        <source>Descriptio&amp;n (中文)</source>
        <translation>中文简介(&amp;N)</translation>
    </message>
</context>
<context>
    <name>PaperEntry</name>
    <message>
        <source>Type each answer&apos;s number (a rating 1–5, an option&apos;s number; several options as 13). Enter or Tab goes to the next question; Enter on the last one saves the response and starts a blank one.</source>
        <translation>输入每个答案的数字（评分 1–5，或选项的编号；多个选项写作 13）。回车键或制表键转到下一题；在最后一题按回车键即保存本份答卷并开始新的一份。</translation>
    </message>
    <message numerus="yes">
        <source>%n response(s) typed in this window</source>
        <translation>
            <numerusform>本窗口已录入 %n 份答卷</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Participants</name>
    <message>
        <source>New person, registered to “{seminar}” on saving</source>
        <translation>新建人员，保存时报名“{seminar}”</translation>
    </message>
</context>
<context>
    <name>ParticipantsTab</name>
    <message>
        <source>&amp;Register:</source>
        <translation>报名(&amp;R)：</translation>
    </message>
    <message>
        <source>Find a person by name in any script, email or organisation</source>
        <translation>按姓名（任何文字）、电子邮箱或单位查找人员</translation>
    </message>
    <message>
        <source>Add to seminar</source>
        <translation>加入研讨会</translation>
    </message>
    <message>
        <source>&amp;New person…</source>
        <translation>新建人员(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a person who is not in the database yet and register them here</source>
        <translation>新建一位尚未录入数据库的人员，并在此报名</translation>
    </message>
    <message>
        <source>&amp;Selected registration:</source>
        <translation>所选报名(&amp;S)：</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>设置状态</translation>
    </message>
</context>
<context>
    <name>PartnerRole</name>
    <message>
        <source>Organiser</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作单位</translation>
    </message>
</context>
<context>
    <name>PdfPages</name>
    <message>
        <source>the printer could not be started</source>
        <translation>无法启动打印机</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>No document yet</source>
        <translation>尚无文档</translation>
    </message>
    <message>
        <source>Page {number} of {count}</source>
        <translation>第 {number} / {count} 页</translation>
    </message>
    <message numerus="yes">
        <source>{title}: %n page(s)</source>
        <translation>
            <numerusform>{title}：%n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>Print {title}</source>
        <translation>打印{title}</translation>
    </message>
    <message>
        <source>Printing page {number} of {count}</source>
        <translation>正在打印第 {number} / {count} 页</translation>
    </message>
    <message numerus="yes">
        <source>{title}: %n page(s) sent to the printer</source>
        <translation>
            <numerusform>{title}：已将 %n 页发送到打印机</numerusform>
        </translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>Printing failed: {error}</source>
        <translation>打印失败：{error}</translation>
    </message>
    <message>
        <source>Printing {title}</source>
        <translation>正在打印{title}</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>保存副本</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Pr&amp;int…</source>
        <translation>打印(&amp;I)…</translation>
    </message>
    <message>
        <source>Save &amp;copy…</source>
        <translation>保存副本(&amp;C)…</translation>
    </message>
    <message>
        <source>Open in vie&amp;wer</source>
        <translation>在查看器中打开(&amp;W)</translation>
    </message>
    <message>
        <source>Nothing to preview yet.
Choose “Preview” on the left to make a document; it appears here, ready to print or save.</source>
        <translation>暂无可预览的内容。
在左侧选择“预览”生成文档；文档会显示在这里，可直接打印或保存。</translation>
    </message>
</context>
<context>
    <name>PeopleDirectory</name>
    <message numerus="yes">
        <source>%n+ people matching “{text}” (scroll for more)</source>
        <translation>
            <numerusform>与“{text}”匹配的人员 %n+ 人（向下滚动查看更多）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n+ people (scroll for more)</source>
        <translation>
            <numerusform>%n+ 人（向下滚动查看更多）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people matching “{text}”</source>
        <translation>
            <numerusform>与“{text}”匹配的人员 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员名录</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>Part of a name in any script, organisation, city or email</source>
        <translation>姓名（任何文字）、单位、城市或电子邮箱的一部分</translation>
    </message>
    <message>
        <source>&amp;New person…</source>
        <translation>新建人员(&amp;N)…</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>certificate {code} (revoked {date})</source>
        <translation>结业证书 {code}（{date} 已撤销）</translation>
    </message>
    <message>
        <source>certificate {code} (issued {date})</source>
        <translation>结业证书 {code}（{date} 颁发）</translation>
    </message>
    <message>
        <source>Edit person</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新建人员</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>&amp;Given name (Latin)</source>
        <translation>名（拉丁字母）(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Family name (Latin)</source>
        <translation>姓（拉丁字母）(&amp;F)</translation>
    </message>
    <message>
        <source>Name in own &amp;script</source>
        <translation>本国文字姓名(&amp;S)</translation>
    </message>
    <message>
        <source>李佳, 한현숙, Константин…</source>
        <translation>李佳、한현숙、Константин…</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>头衔(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>单位(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;City</source>
        <translation>城市(&amp;C)</translation>
    </message>
    <message>
        <source>Co&amp;untry (2 letters)</source>
        <translation>国家（两位字母代码）(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>身份(&amp;R)</translation>
    </message>
    <message>
        <source>What the person does, as badges, lists and reports name it (badges are coloured by it): Participant for a trainee who is none of the others</source>
        <translation>此人的身份，胸卡、名单和报告都这样称呼（胸卡颜色据此区分）：不属于其他身份的受训人员选“学员”</translation>
    </message>
    <message>
        <source>Gen&amp;der</source>
        <translation>性别(&amp;D)</translation>
    </message>
    <message>
        <source>Optional; reports show it only in totals, never by name</source>
        <translation>选填；报告中只显示总数，从不显示姓名</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>电子邮箱(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>&amp;Agrees to be contacted</source>
        <translation>同意接受联系(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Seminars and certificates</source>
        <translation>研讨会与结业证书</translation>
    </message>
</context>
<context>
    <name>PersonGender</name>
    <message>
        <source>Woman</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Man</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Another gender</source>
        <translation>其他性别</translation>
    </message>
    <message>
        <source>Prefers not to say</source>
        <translation>不愿透露</translation>
    </message>
</context>
<context>
    <name>PersonRole</name>
    <message>
        <source>Elected representative</source>
        <translation>民选代表</translation>
    </message>
    <message>
        <source>Policymaker</source>
        <translation>政策制定者</translation>
    </message>
    <message>
        <source>City manager</source>
        <translation>城市管理者</translation>
    </message>
    <message>
        <source>Urban planner</source>
        <translation>城市规划师</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他人员</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>System default ({language})</source>
        <translation>跟随系统（{language}）</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Interface &amp;language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <source>The window switches to the new language at once, and the app starts in it from then on. Dates, weekdays and numbers follow it.</source>
        <translation>窗口立即切换为新语言，以后启动本程序时也使用该语言。日期、星期和数字格式随之变化。</translation>
    </message>
</context>
<context>
    <name>RegistrationStatus</name>
    <message>
        <source>Invited</source>
        <translation>已邀请</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已报名</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>候补名单</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>已出席</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>未出席</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Outcome report</source>
        <translation>成果报告</translation>
    </message>
    <message>
        <source>&amp;Curriculum:</source>
        <translation>课程体系(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Whole curriculum, years</source>
        <translation>整个课程体系，年份(&amp;W)</translation>
    </message>
    <message>
        <source>One &amp;seminar:</source>
        <translation>单个研讨会(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;from</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>另存为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as &amp;XLSX…</source>
        <translation>另存为 XLSX(&amp;X)…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <source>Figures and charts</source>
        <translation>数据与图表</translation>
    </message>
    <message>
        <source>Pages as printed</source>
        <translation>打印页面</translation>
    </message>
    <message>
        <source>the first</source>
        <translation>第一年</translation>
    </message>
    <message>
        <source>the last</source>
        <translation>最后一年</translation>
    </message>
    <message>
        <source>There is no curriculum yet: make one (File → New seminar), or load the demo.</source>
        <translation>尚无课程体系：请新建一个（文件 → 新建研讨会），或加载演示数据。</translation>
    </message>
    <message>
        <source>This curriculum has no seminar yet.</source>
        <translation>此课程体系尚无研讨会。</translation>
    </message>
    <message>
        <source>The first year ({first}) is after the last ({last}).</source>
        <translation>起始年份（{first}）晚于结束年份（{last}）。</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <source>No seminar of this curriculum starts in these years.</source>
        <translation>此课程体系在这些年份中没有开始的研讨会。</translation>
    </message>
    <message>
        <source>This curriculum has no seminar yet: there is nothing to report.</source>
        <translation>此课程体系尚无研讨会：没有可报告的内容。</translation>
    </message>
    <message>
        <source>{participants} participants; {attended} attended of {registered} registered</source>
        <translation>{participants} 名参加者；已报名 {registered} 人次，出席 {attended} 人次</translation>
    </message>
    <message>
        <source>outcome report</source>
        <translation>成果报告</translation>
    </message>
    <message>
        <source>Save the outcome report as PDF</source>
        <translation>将成果报告另存为 PDF</translation>
    </message>
    <message>
        <source>Save the outcome report as XLSX</source>
        <translation>将成果报告另存为 XLSX</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Making the outcome report…</source>
        <translation>正在生成成果报告…</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
    <message>
        <source>cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message numerus="yes">
        <source>Outcome report saved to {path}: %n page(s)</source>
        <translation>
            <numerusform>成果报告已保存到 {path}：共 %n 页</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Outcome report saved to {path}: %n sheet(s)</source>
        <translation>
            <numerusform>成果报告已保存到 {path}：共 %n 个工作表</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消；没有写入任何内容。</translation>
    </message>
    <message>
        <source>The report could not be made: {error}</source>
        <translation>无法生成报告：{error}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Preparing the pages…</source>
        <translation>正在准备页面…</translation>
    </message>
    <message>
        <source>&amp;Outcome report…</source>
        <translation>成果报告(&amp;O)…</translation>
    </message>
    <message>
        <source>Outcome report of this &amp;seminar…</source>
        <translation>本研讨会的成果报告(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>SeminarFormat</name>
    <message>
        <source>On site</source>
        <translation>线下</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation>线上线下结合</translation>
    </message>
</context>
<context>
    <name>SeminarKind</name>
    <message>
        <source>Seminar</source>
        <translation>研讨会</translation>
    </message>
    <message>
        <source>Webinar</source>
        <translation>线上研讨会</translation>
    </message>
    <message>
        <source>Cluster meeting</source>
        <translation>集群会议</translation>
    </message>
    <message>
        <source>Study visit</source>
        <translation>考察</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>大会</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>课程</translation>
    </message>
</context>
<context>
    <name>SeminarMenu</name>
    <message>
        <source>New &amp;session…</source>
        <translation>新建日程(&amp;S)…</translation>
    </message>
    <message>
        <source>D&amp;uplicate session…</source>
        <translation>复制日程(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Register a person</source>
        <translation>为人员报名(&amp;R)</translation>
    </message>
    <message>
        <source>New &amp;person, registered…</source>
        <translation>新建人员并报名(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation>签到(&amp;C)</translation>
    </message>
    <message>
        <source>Preview the &amp;agenda</source>
        <translation>预览议程(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Seminar</source>
        <translation>研讨会(&amp;S)</translation>
    </message>
    <message>
        <source>Choose a seminar in the programme first</source>
        <translation>请先在左侧选择一场研讨会</translation>
    </message>
</context>
<context>
    <name>SeminarStatus</name>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已举办</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>SeminarViews</name>
    <message>
        <source>{taken} of {capacity}</source>
        <translation>{taken} / {capacity}</translation>
    </message>
    <message>
        <source>{taken} (no limit)</source>
        <translation>{taken}（不限名额）</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>ask me (refuse)</source>
        <translation>询问我（拒绝保存）</translation>
    </message>
    <message>
        <source>the earlier one</source>
        <translation>较早的那次</translation>
    </message>
    <message>
        <source>the later one</source>
        <translation>较晚的那次</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>周</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>{title} — times in {zone}</source>
        <translation>{title}——时间为 {zone} 时区</translation>
    </message>
    <message>
        <source>Edit session</source>
        <translation>编辑日程</translation>
    </message>
    <message>
        <source>Duplicate session</source>
        <translation>复制日程</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>新建日程</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;itle (中文)</source>
        <translation>中文标题(&amp;I)</translation>
    </message>
    <message>
        <source>Chinese title, if there is one</source>
        <translation>中文标题（如有）</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Starts</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Ends</source>
        <translation>结束(&amp;E)</translation>
    </message>
    <message>
        <source>If that time happens t&amp;wice</source>
        <translation>若该时刻出现两次(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>会场(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>en, zh, en+zh</source>
        <translation>语言代码：en、zh、en+zh</translation>
    </message>
    <message>
        <source>&amp;Find a speaker</source>
        <translation>查找发言人(&amp;F)</translation>
    </message>
    <message>
        <source>Name in any script, then Enter to add the first match</source>
        <translation>输入姓名（任何文字），按回车添加第一个匹配结果</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>匹配结果</translation>
    </message>
    <message>
        <source>S&amp;peakers</source>
        <translation>发言人(&amp;P)</translation>
    </message>
    <message>
        <source>Delete removes the selected speaker</source>
        <translation>按 Delete 键移除所选发言人</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>简介(&amp;D)</translation>
    </message>
    <message>
        <source>Descriptio&amp;n (中文)</source>
        <translation>中文简介(&amp;N)</translation>
    </message>
    <message>
        <source>Apply to e&amp;very session of this series (times of day; dates stay)</source>
        <translation>应用于该系列的每一场(&amp;V)（仅时刻；日期不变）</translation>
    </message>
    <message>
        <source>Repe&amp;at</source>
        <translation>重复(&amp;A)</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>每</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>直到</translation>
    </message>
</context>
<context>
    <name>SessionKind</name>
    <message>
        <source>Talk</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Keynote</source>
        <translation>主旨演讲</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>圆桌讨论</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>工作坊</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>Meal</source>
        <translation>用餐</translation>
    </message>
    <message>
        <source>Site visit</source>
        <translation>现场考察</translation>
    </message>
    <message>
        <source>Ceremony</source>
        <translation>仪式</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>Timetable</name>
    <message>
        <source>{title}, {day} {start}–{end}, {kind}</source>
        <extracomment>Pixels per minute of wall clock (72 px an hour: two lines of text in a half-hour block).</extracomment>
        <translation>{title}，{day} {start}–{end}，{kind}</translation>
    </message>
    <message>
        <source>room {room}</source>
        <translation>会议室 {room}</translation>
    </message>
    <message>
        <source>Timetable</source>
        <translation>时间表</translation>
    </message>
    <message>
        <source>the clocks jump forward</source>
        <extracomment>The empty slot clicked last (day, minute, room): where Ctrl+V pastes.</extracomment>
        <translation>时钟拨快</translation>
    </message>
    <message>
        <source>this hour happens twice</source>
        <translation>此小时出现两次</translation>
    </message>
    <message>
        <source>{zone}: {day}</source>
        <translation>{zone}：{day}</translation>
    </message>
    <message>
        <source>Timetable: {block}</source>
        <translation>时间表：{block}</translation>
    </message>
</context>
<context>
    <name>TimetablePanel</name>
    <message>
        <source>Second time zone:</source>
        <extracomment>Kept when a session is copied: everything but its times (and its series: a copy stands alone).</extracomment>
        <translation>第二时区：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Rooms side by side</source>
        <translation>会议室并排显示</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Drag a session to move it, its lower edge to change its length, an empty slot to add one. Arrows choose, Alt+arrows move (5 minutes, a day), Enter edits, Ctrl+C / Ctrl+V copy to the slot clicked.</source>
        <translation>拖动日程可移动它，拖动其下边缘可改变时长，在空白时段拖动可新增日程。方向键选择，Alt+方向键移动（5 分钟、一天），回车键编辑，Ctrl+C / Ctrl+V 复制到所点击的时段。</translation>
    </message>
    <message>
        <source>A whole series keeps its days: only its time of day moves. Move this one alone to change its day.</source>
        <translation>整个系列保留原来的日期，只移动其时间。若要改变日期，请只移动这一个。</translation>
    </message>
    <message>
        <source>Repeating session</source>
        <translation>重复日程</translation>
    </message>
    <message>
        <source>“{title}” is one of a repeating series. Change only this one, or every one?</source>
        <translation>“{title}”属于一个重复系列。只更改这一个，还是全部更改？</translation>
    </message>
    <message>
        <source>Only this one</source>
        <translation>只改这一个</translation>
    </message>
    <message>
        <source>Every one</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Copied “{title}”: click a free slot and press Ctrl+V</source>
        <translation>已复制“{title}”：请点击一个空闲时段并按 Ctrl+V</translation>
    </message>
    <message>
        <source>Save timetable as PDF</source>
        <translation>将时间表另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Timetable saved to {file} ({pages} pages)</source>
        <translation>时间表已保存到 {file}（共 {pages} 页）</translation>
    </message>
</context>
<context>
    <name>UnexpectedErrors</name>
    <message numerus="yes">
        <source>%n more error(s) since this one.</source>
        <translation>
            <numerusform>此后又发生了 %n 个错误。</numerusform>
        </translation>
    </message>
    <message>
        <source>The details are in {path}: please send that file to whoever looks after the app.</source>
        <translation>详细信息已写入 {path}：请把这个文件发给负责维护本程序的人员。</translation>
    </message>
    <message>
        <source>The details could not be written to a file.</source>
        <translation>详细信息无法写入文件。</translation>
    </message>
    <message>
        <source>Your data is safe: every change is stored whole or not at all.</source>
        <translation>您的数据是安全的：每项更改要么完整保存，要么完全不保存。</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>What you did last stopped because of an error in Learning Hub Planner.</source>
        <translation>由于 Learning Hub Planner 内部出错，您刚才的操作已中止。</translation>
    </message>
    <message>
        <source>{safe} {where}</source>
        <translation>{safe}{where}</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome to Learning Hub Planner</source>
        <extracomment>The interface&apos;s words, in the Welcome context (a plain call lupdate and the translation test can read).</extracomment>
        <translation>欢迎使用 Learning Hub Planner</translation>
    </message>
    <message>
        <source>This database holds no curriculum yet. Start in one of these ways:</source>
        <translation>此数据库中还没有课程体系。可以从以下方式开始：</translation>
    </message>
    <message>
        <source>Load the &amp;demo programme</source>
        <translation>加载演示项目(&amp;D)</translation>
    </message>
    <message>
        <source>The Metropolis Learning Hub curriculum 2020–2022: seminars, agendas, people and attendance to try everything on.</source>
        <translation>大都市学习中心 2020–2022 课程体系：研讨会、日程、人员和出席记录，可用来试用所有功能。</translation>
    </message>
    <message>
        <source>&amp;New curriculum…</source>
        <translation>新建课程体系(&amp;N)…</translation>
    </message>
    <message>
        <source>Name a curriculum and its first seminar; sessions and people come next.</source>
        <translation>为课程体系及其第一个研讨会命名；之后再添加日程和人员。</translation>
    </message>
    <message>
        <source>&amp;Open a database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>A Learning Hub file of your own, or one someone sent you.</source>
        <translation>您自己的 Learning Hub 文件，或别人发给您的文件。</translation>
    </message>
    <message>
        <source>&amp;Connect to a team server…</source>
        <translation>连接团队服务器(&amp;C)…</translation>
    </message>
    <message>
        <source>The PostgreSQL database your team shares, so both offices see the same programme.</source>
        <translation>团队共享的 PostgreSQL 数据库，两个办公室看到的是同一个项目。</translation>
    </message>
    <message>
        <source>This database: {database}</source>
        <translation>当前数据库：{database}</translation>
    </message>
    <message>
        <source>Loading the demo programme…</source>
        <translation>正在加载演示项目…</translation>
    </message>
    <message>
        <source>Demo not loaded</source>
        <translation>未加载演示项目</translation>
    </message>
    <message>
        <source>This database already holds data; the demo programme goes only into an empty database (File → New database… makes one).</source>
        <translation>此数据库中已有数据；演示项目只能加载到空数据库中（文件 → 新建数据库… 可创建一个）。</translation>
    </message>
    <message>
        <source>Loaded the demo programme: {curricula} curricula, {seminars} seminars, {people} people</source>
        <translation>已加载演示项目：{curricula} 个课程体系，{seminars} 个研讨会，{people} 人</translation>
    </message>
    <message>
        <source>Plans city-to-city training programmes: curricula, seminars, agendas, people, registrations, attendance and printed documents.</source>
        <translation>规划城市间培训项目：课程体系、研讨会、日程、人员、报名、出席和打印文件。</translation>
    </message>
    <message>
        <source>Data folder: {folder}</source>
        <translation>数据文件夹：{folder}</translation>
    </message>
    <message>
        <source>Error log: {file}</source>
        <translation>错误日志：{file}</translation>
    </message>
    <message>
        <source>About Learning Hub Planner</source>
        <translation>关于 Learning Hub Planner</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>must be at least 1 (got {value})</source>
        <translation>必须至少为 1（当前为 {value}）</translation>
    </message>
    <message>
        <source>say either how many times or until which day</source>
        <translation>请指定重复次数或截止日期（二选一）</translation>
    </message>
    <message>
        <source>{count} times: between 1 and 500</source>
        <translation>{count} 次：次数必须在 1 到 500 之间</translation>
    </message>
    <message>
        <source>give the local time of the seminar&apos;s zone, without an offset</source>
        <extracomment>How each plain field of a session is checked, for adding and editing alike.</extracomment>
        <translation>请填写研讨会所在时区的当地时间，不要带 UTC 偏移</translation>
    </message>
    <message>
        <source>{start}–{end} is outside the seminar&apos;s days {first} – {last} ({zone})</source>
        <translation>{start}–{end} 不在研讨会的日期 {first} – {last}（{zone}）之内</translation>
    </message>
    <message>
        <source>ends at {end}, not after it starts at {start}</source>
        <translation>结束时间 {end} 不晚于开始时间 {start}</translation>
    </message>
    <message>
        <source>the same speaker is named twice</source>
        <translation>同一位讲者被列了两次</translation>
    </message>
    <message>
        <source>a repeat rule needs COUNT= or UNTIL= so it ends</source>
        <translation>重复规则需要 COUNT= 或 UNTIL=，才能有结束</translation>
    </message>
    <message>
        <source>{rule!r} is not an RFC 5545 rule ({detail})</source>
        <translation>{rule!r} 不是有效的 RFC 5545 规则（{detail}）</translation>
    </message>
    <message>
        <source>UNTIL must be a local time without Z</source>
        <translation>UNTIL 必须是当地时间，不能带 Z</translation>
    </message>
    <message>
        <source>the rule makes more than {most} sessions</source>
        <translation>该重复规则生成的场次超过 {most} 个</translation>
    </message>
    <message>
        <source>the rule makes no session at all</source>
        <translation>该重复规则没有生成任何场次</translation>
    </message>
    <message>
        <source>{n} person checked in to session {id} &apos;{title}&apos;; deleting it would lose their attendance</source>
        <translation>已有 {n} 人签到场次 {id}“{title}”；删除它会丢失其出勤记录</translation>
    </message>
    <message>
        <source>{n} people checked in to session {id} &apos;{title}&apos;; deleting it would lose their attendance</source>
        <translation>已有 {n} 人签到场次 {id}“{title}”；删除它会丢失他们的出勤记录</translation>
    </message>
    <message>
        <source>{value!r} is not a time of day (write 14:00)</source>
        <translation>{value!r} 不是有效的时刻（请写成 14:00）</translation>
    </message>
    <message>
        <source>series {id} has no occurrences left</source>
        <translation>系列 {id} 已没有剩余的场次</translation>
    </message>
    <message>
        <source>session {id} &apos;{title}&apos; is not part of a repeating series; delete it instead</source>
        <translation>场次 {id}“{title}”不属于重复系列；请改为删除它</translation>
    </message>
    <message>
        <source>series {id} still has occurrences</source>
        <translation>系列 {id} 仍有场次</translation>
    </message>
    <message>
        <source>seminar {id} &apos;{title}&apos; is cancelled</source>
        <extracomment>The start of the history note a check-in writes (how undoing a check-in recognises its status change).
----------
Person fields an import may set; empty cells never clear a stored value. Compared ignoring case: &quot;LI&quot; is the same family name as &quot;Li&quot;, &quot;chengdu&quot; the same city. create | update | keep (stored, differs, kept as stored) | skip (stored, nothing new) | merged (repeats an earlier row) (field, stored value, value in the file) for each of ``changes``, as the user reads them. Stored people the file says something else about are updated (else kept as stored). How the file was read (&apos;CSV, GB18030, comma-separated&apos;), so a wrong guess shows. Filled in by the real import: the ids of people created, in row order.</extracomment>
        <translation>研讨会 {id}“{title}”已取消</translation>
    </message>
    <message>
        <source>{name} has not registered for seminar {id} &apos;{title}&apos;; register them first</source>
        <translation>{name} 尚未报名研讨会 {id}“{title}”；请先为其报名</translation>
    </message>
    <message>
        <source>{name} has a cancelled registration for seminar {id} &apos;{title}&apos;; register them first</source>
        <translation>{name} 在研讨会 {id}“{title}”的报名已取消；请先为其报名</translation>
    </message>
    <message>
        <source>{name} is on the waiting list of seminar {id} &apos;{title}&apos;, which is full ({seats}); free a seat or raise the capacity first</source>
        <translation>{name} 在研讨会 {id}“{title}”的候补名单上，而该研讨会已满（{seats}）；请先空出一个座位或提高容量</translation>
    </message>
    <message>
        <source>{name} is already checked in to session {id} (at {time} {zone})</source>
        <translation>{name} 已签到场次 {id}（签到时间 {time} {zone}）</translation>
    </message>
    <message>
        <source>checked in to session {id}</source>
        <translation>已签到场次 {id}</translation>
    </message>
    <message>
        <source>person {person} is not checked in to session {id}</source>
        <translation>参会人员 {person} 未签到场次 {id}</translation>
    </message>
    <message>
        <source>check-in undone</source>
        <translation>签到已撤销</translation>
    </message>
    <message>
        <source>{name} is already checked in to session {id}</source>
        <translation>{name} 已签到场次 {id}</translation>
    </message>
    <message>
        <source>the holder&apos;s personal data was erased</source>
        <extracomment>Stored as the revocation reason when a holder is erased (in English); shown translated where it is read.</extracomment>
        <translation>持证人的个人信息已被清除</translation>
    </message>
    <message>
        <source>{pct} % of sessions</source>
        <translation>{pct}% 的场次</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>{share} or {hours}</source>
        <translation>{share}或 {hours}</translation>
    </message>
    <message>
        <source>must be more than 0 and at most 100 (got {value})</source>
        <extracomment>The title in Chinese, printed instead of ``title`` on a Chinese certificate and under it on en+zh. The wording&apos;s default language: en+zh when set, else English (``certificates --lang`` overrides it).</extracomment>
        <translation>必须大于 0 且不超过 100（当前为 {value}）</translation>
    </message>
    <message>
        <source>must be more than 0 and at most 10000 (got {value})</source>
        <translation>必须大于 0 且不超过 10000（当前为 {value}）</translation>
    </message>
    <message>
        <source>give a minimum attendance % or a minimum of hours (or both)</source>
        <translation>请填写最低出席率（%）或最低学时（或两者都填）</translation>
    </message>
    <message>
        <source>at most {most} people sign a certificate (got {count})</source>
        <translation>证书最多由 {most} 人签署（现有 {count} 人）</translation>
    </message>
    <message>
        <source>{path} is outside resources/</source>
        <translation>{path} 不在 resources/ 目录内</translation>
    </message>
    <message>
        <source>there is no file {path}</source>
        <translation>文件 {path} 不存在</translation>
    </message>
    <message>
        <source>{name} is not a PNG or JPEG image</source>
        <translation>{name} 不是 PNG 或 JPEG 图片</translation>
    </message>
    <message>
        <source>at most {most} logos fit on a certificate (got {count})</source>
        <translation>证书上最多可放 {most} 个标志（现有 {count} 个）</translation>
    </message>
    <message>
        <source>the certificate settings of seminar {id} were changed by someone else meanwhile (you edited version {edited}, they are now version {stored}); reload them and apply your change again</source>
        <translation>研讨会 {id} 的证书设置在此期间已被他人修改（您编辑的是第 {edited} 版，现在已是第 {stored} 版）；请重新加载后再次进行修改</translation>
    </message>
    <message>
        <source>attended {attended} of {total} sessions, {hours} h</source>
        <extracomment>Why, in words (a Text: the interface shows it translated). The code already in the register for this person and seminar (XXXX-XXXX-XXXX), if any. &quot;valid&quot; or &quot;revoked&quot; when a certificate exists.</extracomment>
        <translation>出席 {total} 场中的 {attended} 场，{hours} 小时</translation>
    </message>
    <message>
        <source>attended {attended} of {total} session ({share} %), {hours} h</source>
        <translation>出席 {total} 场中的 {attended} 场（{share}%），{hours} 小时</translation>
    </message>
    <message>
        <source>attended {attended} of {total} sessions ({share} %), {hours} h</source>
        <translation>出席 {total} 场中的 {attended} 场（{share}%），{hours} 小时</translation>
    </message>
    <message>
        <source>person erased</source>
        <translation>人员信息已清除</translation>
    </message>
    <message>
        <source>registration cancelled; {figures}</source>
        <translation>报名已取消；{figures}</translation>
    </message>
    <message>
        <source>the seminar is cancelled</source>
        <translation>研讨会已取消</translation>
    </message>
    <message>
        <source>the seminar has no sessions to attend (breaks and meals do not count)</source>
        <translation>研讨会没有可出席的场次（茶歇和用餐不计）</translation>
    </message>
    <message>
        <source>{figures}; needs {rule}</source>
        <translation>{figures}；需要 {rule}</translation>
    </message>
    <message>
        <source>{figures}, but certificate {code} was revoked on {day} ({why}); reinstate it to print it again</source>
        <translation>{figures}，但证书 {code} 已于 {day} 吊销（{why}）；恢复其有效后才能再次打印</translation>
    </message>
    <message>
        <source>{figures}, but certificate {code} was revoked on {day}; reinstate it to print it again</source>
        <translation>{figures}，但证书 {code} 已于 {day} 吊销；恢复其有效后才能再次打印</translation>
    </message>
    <message>
        <source>{reason}; certificate {code} issued earlier stays valid until revoked</source>
        <translation>{reason}；此前颁发的证书 {code} 在吊销前仍然有效</translation>
    </message>
    <message>
        <source>{code!r} is not a certificate code (12 letters and digits, as XXXX-XXXX-XXXX; check for a mistyped character)</source>
        <translation>{code!r} 不是证书编号（应为 12 位字母和数字，格式为 XXXX-XXXX-XXXX；请检查是否有输错的字符）</translation>
    </message>
    <message>
        <source>no certificate in the register has code {code}</source>
        <translation>证书登记册中没有编号为 {code} 的证书</translation>
    </message>
    <message>
        <source>certificate {code} was already revoked on {day}</source>
        <translation>证书 {code} 已于 {day} 吊销</translation>
    </message>
    <message>
        <source>certificate {code} is not revoked</source>
        <translation>证书 {code} 未被吊销</translation>
    </message>
    <message>
        <source>certificate {code} belonged to a person since erased; it stays revoked</source>
        <translation>证书 {code} 的持有人信息已被清除；该证书保持吊销状态</translation>
    </message>
    <message>
        <source>not a certificate code (mistyped, or not issued by Learning Hub Planner)</source>
        <extracomment>One line for a person: what the answer means (a Text: the interface shows it translated).</extracomment>
        <translation>不是证书编号（输入有误，或并非由 Learning Hub Planner 颁发）</translation>
    </message>
    <message>
        <source>no certificate in the register has this code</source>
        <translation>证书登记册中没有此编号的证书</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>（已清除）</translation>
    </message>
    <message>
        <source>{holder} — {title} ({first} to {last}), issued {day}</source>
        <translation>{holder} — {title}（{first} 至 {last}），{day} 颁发</translation>
    </message>
    <message>
        <source>revoked on {day}: {why}</source>
        <translation>已于 {day} 吊销：{why}</translation>
    </message>
    <message>
        <source>revoked on {day}</source>
        <translation>已于 {day} 吊销</translation>
    </message>
    <message>
        <source>there is no {what} with id {id}</source>
        <translation>没有编号为 {id} 的{what}</translation>
    </message>
    <message>
        <source>{what} {id} was changed by someone else meanwhile (you edited version {edited}, it is now version {stored}); reload it and apply your change again</source>
        <translation>{what} {id} 在此期间已被他人修改（您编辑的是第 {edited} 版，现在已是第 {stored} 版）；请重新加载后再次修改</translation>
    </message>
    <message>
        <source>invited to {seminar}</source>
        <extracomment>The kinds, in the order they are reported. How a registration stands towards its seminar, the seminar&apos;s days filled in (&quot;invited to &quot;Park City&quot; (...)&quot;).</extracomment>
        <translation>受邀参加{seminar}</translation>
    </message>
    <message>
        <source>registered for {seminar}</source>
        <translation>已报名{seminar}</translation>
    </message>
    <message>
        <source>confirmed for {seminar}</source>
        <translation>已确认参加{seminar}</translation>
    </message>
    <message>
        <source>on the waiting list for {seminar}</source>
        <translation>在{seminar}的候补名单上</translation>
    </message>
    <message>
        <source>an attendee of {seminar}</source>
        <translation>出席了{seminar}</translation>
    </message>
    <message>
        <source>Mon</source>
        <extracomment>Days of the week as a session&apos;s time shows them (&quot;Mon 2020-07-13 09:30&quot;).</extracomment>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>&quot;{title}&quot; ({seminar}, {weekday} {start}–{end} {zone})</source>
        <translation>“{title}”（{seminar}，{weekday} {start}–{end}，{zone}）</translation>
    </message>
    <message>
        <source>&quot;{title}&quot; ({seminar}, {weekday} {start}–{end_weekday} {end} {zone})</source>
        <translation>“{title}”（{seminar}，{weekday} {start}–{end_weekday} {end}，{zone}）</translation>
    </message>
    <message>
        <source>&quot;{title}&quot; ({first} – {last} {zone})</source>
        <translation>“{title}”（{first} 至 {last}，{zone}）</translation>
    </message>
    <message>
        <source>{person} speaks in {first} and in {second} at the same time</source>
        <translation>{person}同时在{first}和{second}中发言</translation>
    </message>
    <message>
        <source>{person} speaks in {first} and moderates {second} at the same time</source>
        <translation>{person}同时在{first}中发言并主持{second}</translation>
    </message>
    <message>
        <source>{person} moderates {first} and speaks in {second} at the same time</source>
        <translation>{person}同时主持{first}并在{second}中发言</translation>
    </message>
    <message>
        <source>{person} moderates {first} and {second} at the same time</source>
        <translation>{person}同时主持{first}和{second}</translation>
    </message>
    <message>
        <source>room &quot;{room}&quot; at {place} is booked for {first} and for {second} at the same time</source>
        <translation>{place}的房间“{room}”同时被安排给{first}和{second}</translation>
    </message>
    <message>
        <source>{session} is outside the seminar&apos;s days {first} – {last} ({zone})</source>
        <translation>{session}不在研讨会的日期 {first} 至 {last}（{zone}）之内</translation>
    </message>
    <message>
        <source>{hours:g} h</source>
        <translation>{hours:g} 小时</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>{n} day</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>{person} is {first} and {second}, which overlap by {amount}</source>
        <translation>{person}{first}，同时{second}；两者时间重叠 {amount}</translation>
    </message>
    <message>
        <source>&quot;{title}&quot; has {taken} seats taken for a capacity of {capacity} ({excess} too many)</source>
        <translation>“{title}”已占用 {taken} 个席位，但容量只有 {capacity} 个（超出 {excess} 个）</translation>
    </message>
    <message>
        <source>{year} is not a plausible year</source>
        <translation>{year} 不是合理的年份</translation>
    </message>
    <message>
        <source>ends in {end}, before it starts in {start}</source>
        <translation>结束年份 {end} 早于开始年份 {start}</translation>
    </message>
    <message>
        <source>unknown field(s) {names}</source>
        <translation>未知字段：{names}</translation>
    </message>
    <message>
        <source>unknown reference {key}</source>
        <translation>未知引用 {key}</translation>
    </message>
    <message>
        <source>{place}: {message}</source>
        <translation>{place}：{message}</translation>
    </message>
    <message>
        <source>{email} is already the address of person {id} ({name})</source>
        <extracomment>How each plain field of a person is checked, for adding and editing alike.</extracomment>
        <translation>{email} 已是人员 {id}（{name}）的邮箱地址</translation>
    </message>
    <message>
        <source>a person needs a given or a family name in Latin script</source>
        <translation>人员需要有以拉丁字母书写的名或姓</translation>
    </message>
    <message>
        <source>person {id} has been erased</source>
        <translation>人员 {id} 的个人数据已被清除</translation>
    </message>
    <message>
        <source>person {id} was already erased</source>
        <translation>人员 {id} 的个人数据此前已被清除</translation>
    </message>
    <message>
        <source>person {person} is already {status} for seminar {seminar} (registration {registration})</source>
        <extracomment>Statuses a person can be moved to with capacity checked; attendance outcomes are facts.</extracomment>
        <translation>参会人员 {person} 在研讨会 {seminar} 的报名状态已是“{status}”（报名 {registration}）</translation>
    </message>
    <message>
        <source>a seat freed (registration {id} {status})</source>
        <translation>空出了一个座位（报名 {id} 变为“{status}”）</translation>
    </message>
    <message>
        <source>the capacity of seminar {id} &apos;{title}&apos; changed since ({then} then, {now} now); the change of registration {registration} cannot be taken back</source>
        <translation>研讨会 {id}“{title}”的容量此后已更改（当时为 {then}，现在为 {now}）；报名 {registration} 的更改无法撤销</translation>
    </message>
    <message>
        <source>seminar {id} is full ({seats}); the person stays on the waiting list until a seat frees</source>
        <translation>研讨会 {id} 已满（{seats}）；此人将留在候补名单上，直到有座位空出</translation>
    </message>
    <message>
        <source>seminar {id} &apos;{title}&apos; is full ({seats}); {name} has no seat to be marked {status}: free a seat or raise the capacity first</source>
        <translation>研讨会 {id}“{title}”已满（{seats}）；{name} 没有座位，无法标记为“{status}”：请先空出一个座位或提高容量</translation>
    </message>
    <message>
        <source>seminar full ({seats})</source>
        <translation>研讨会已满（{seats}）</translation>
    </message>
    <message>
        <source>seminar {id} &apos;{title}&apos; is full ({seats}) since the change; registration {registration} ({name}) cannot get its seat back</source>
        <translation>研讨会 {id}“{title}”在该更改之后已满（{seats}）；报名 {registration}（{name}）无法取回其座位</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>{n} seat</source>
        <translation>{n} 个座位</translation>
    </message>
    <message>
        <source>{n} seats</source>
        <translation>{n} 个座位</translation>
    </message>
    <message>
        <source>seminar full ({seats}): put on the waiting list</source>
        <translation>研讨会已满（{seats}）：已列入候补名单</translation>
    </message>
    <message>
        <source>registration {id} ({name}, seminar {seminar} &apos;{title}&apos;)</source>
        <translation>报名 {id}（{name}，研讨会 {seminar}“{title}”）</translation>
    </message>
    <message>
        <source>{who} has {n} check-in and cannot be removed; undo the check-in or cancel it instead</source>
        <translation>{who} 有 {n} 次签到，无法删除；请先撤销签到，或改为取消该报名</translation>
    </message>
    <message>
        <source>{who} has {n} check-ins and cannot be removed; undo the check-ins or cancel it instead</source>
        <translation>{who} 有 {n} 次签到，无法删除；请先撤销签到，或改为取消该报名</translation>
    </message>
    <message>
        <source>{who} has certificate {code} and cannot be removed; cancel it instead</source>
        <translation>{who} 已有证书 {code}，无法删除；请改为取消该报名</translation>
    </message>
    <message>
        <source>a seat freed (registration {id} removed)</source>
        <translation>空出了一个座位（报名 {id} 已删除）</translation>
    </message>
    <message>
        <source>moved up from the waiting list: {reason}</source>
        <translation>从候补名单递补：{reason}</translation>
    </message>
    <message>
        <source>last day {end} is before the first day {start}</source>
        <extracomment>How each plain field of a seminar is checked, for adding and editing alike.</extracomment>
        <translation>最后一天 {end} 早于第一天 {start}</translation>
    </message>
    <message>
        <source>session {id} &apos;{title}&apos; on {day} would fall outside {first} – {last}; move or delete it first</source>
        <translation>{day} 的场次 {id}“{title}”将落在 {first} 至 {last} 之外；请先移动或删除该场次</translation>
    </message>
    <message>
        <source>capacity raised</source>
        <translation>名额已增加</translation>
    </message>
    <message>
        <source>seminar {id} is already cancelled</source>
        <translation>研讨会 {id} 已经取消</translation>
    </message>
    <message>
        <source>organisation {organisation} is not a partner of seminar {seminar}</source>
        <translation>机构 {organisation} 不是研讨会 {seminar} 的合作方</translation>
    </message>
    <message>
        <source>{path} is read-only: it can be read but not changed, and nothing was saved (to change it, make the file and its folder writable, or work on a copy)</source>
        <extracomment>Tables whose rows may hold personal data that erasing a person blanks (see flush_to_main_file).</extracomment>
        <translation>{path} 为只读：可以查看，但不能修改，未保存任何内容（如需修改，请让该文件及其文件夹可写，或使用副本）</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file</source>
        <translation>{path} 是文件夹，不是数据库文件</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is not a Learning Hub database (it is not an SQLite file)</source>
        <translation>{path} 不是 Learning Hub 数据库（它不是 SQLite 文件）</translation>
    </message>
    <message>
        <source>{path} is not a readable database: {reason}</source>
        <translation>{path} 不是可读取的数据库：{reason}</translation>
    </message>
    <message>
        <source>{label} is a database of another program (it has tables but no Learning Hub schema)</source>
        <translation>{label} 是其他程序的数据库（其中有数据表，但没有 Learning Hub 的结构）</translation>
    </message>
    <message>
        <source>{label} was written by a newer version of Learning Hub Planner (schema {revision}; this version knows up to {head}). Update the program to open it.</source>
        <translation>{label} 由更新版本的 Learning Hub Planner 写入（结构版本 {revision}；本版本最高只识别到 {head}）。请更新程序后再打开。</translation>
    </message>
    <message>
        <source>the record was changed by someone else meanwhile; reload it and apply your change again</source>
        <extracomment>Page cache per SQLite connection, in KiB. The copy made before an upgrade, if one was made on this open. An SQLite file this process may read but not write: every change is refused (DatabaseReadOnly). The SQLite file was whole when opened (checked, or known whole): closing it remembers it as whole (core/known_whole.py). False for a file opened unchecked, to be written over by a restore.</extracomment>
        <translation>该记录在此期间已被其他人修改；请重新加载后再次应用您的更改</translation>
    </message>
    <message>
        <source>the change clashes with data saved meanwhile ({reason})</source>
        <translation>此更改与其间保存的数据冲突（{reason}）</translation>
    </message>
    <message>
        <source>someone else changed the same records at the same moment; nothing was saved, try again</source>
        <translation>其他人在同一时刻修改了相同的记录；未保存任何内容，请重试</translation>
    </message>
    <message>
        <source>the database is busy with another program&apos;s change; nothing was saved, try again in a moment</source>
        <translation>数据库正忙于处理另一个程序的更改；未保存任何内容，请稍后重试</translation>
    </message>
    <message>
        <source>{path} cannot be created: the folder {folder} does not exist; nothing was created</source>
        <translation>无法创建 {path}：文件夹 {folder} 不存在；未创建任何内容</translation>
    </message>
    <message>
        <source>{path} cannot be created: {reason}; nothing was created</source>
        <translation>无法创建 {path}：{reason}；未创建任何内容</translation>
    </message>
    <message>
        <source>{scheme}:// is not a database this program can use: only SQLite files and postgresql+psycopg://user@host:port/database URLs are supported</source>
        <translation>{scheme}:// 不是本程序可用的数据库：只支持 SQLite 文件和 postgresql+psycopg://用户@主机:端口/数据库 形式的网址</translation>
    </message>
    <message>
        <source>the server URL is malformed: the port must be a number from 1 to 65535, not {port!r} (write it as postgresql+psycopg://user@host:port/database)</source>
        <translation>服务器网址格式有误：端口必须是 1 到 65535 之间的数字，而不是 {port!r}（请写成 postgresql+psycopg://用户@主机:端口/数据库）</translation>
    </message>
    <message>
        <source>the server URL is malformed: write it as postgresql+psycopg://user@host:port/database</source>
        <translation>服务器网址格式有误：请写成 postgresql+psycopg://用户@主机:端口/数据库</translation>
    </message>
    <message>
        <source>{scheme}:// names a driver this program does not know: write postgresql+psycopg://</source>
        <translation>{scheme}:// 指定了本程序不认识的驱动：请写 postgresql+psycopg://</translation>
    </message>
    <message>
        <source>the server URL has port {port}: a port is a number from 1 to 65535</source>
        <translation>服务器网址的端口为 {port}：端口必须是 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>the server URL names no database: write it as postgresql+psycopg://user@host:port/database</source>
        <translation>服务器网址没有指定数据库：请写成 postgresql+psycopg://用户@主机:端口/数据库</translation>
    </message>
    <message>
        <source>cannot open {label}: the driver {driver!r} is not installed (pip install &quot;learninghub-planner[postgres]&quot;)</source>
        <translation>无法打开 {label}：未安装驱动程序 {driver!r}（pip install &quot;learninghub-planner[postgres]&quot;）</translation>
    </message>
    <message>
        <source>--db: not a database URL I can use: {reason}</source>
        <translation>--db：不是可用的数据库地址：{reason}</translation>
    </message>
    <message>
        <source>the upgrade failed and changed nothing: {reason}</source>
        <extracomment>A pooled server connection unused for longer than this is checked before use (one round trip).</extracomment>
        <translation>升级失败，未做任何更改：{reason}</translation>
    </message>
    <message>
        <source>upgrade left {n} broken references; nothing changed</source>
        <translation>升级后会出现 {n} 个失效的引用；未做任何更改</translation>
    </message>
    <message>
        <source>the database could not be reached: {reason}</source>
        <translation>无法连接到数据库：{reason}</translation>
    </message>
    <message>
        <source>{path} is damaged (SQLite&apos;s check found: {reason}); it was not opened and nothing in it was changed</source>
        <translation>{path} 已损坏（SQLite 检查发现：{reason}）；未打开该文件，其中内容未作任何改动</translation>
    </message>
    <message>
        <source>{path} is read-only and was written by an older version: it must be upgraded before this version can read it, and that is a change (make it writable, or open a writable copy)</source>
        <translation>{path} 为只读，且由旧版本写入：本版本须先升级它才能读取，而升级属于修改（请让它可写，或打开一个可写的副本）</translation>
    </message>
    <message>
        <source>cannot open {label}: {reason}</source>
        <translation>无法打开 {label}：{reason}</translation>
    </message>
    <message>
        <source>unknown time zone {value!r} (use an IANA name such as Asia/Shanghai or Europe/Madrid)</source>
        <translation>未知时区 {value!r}（请使用 IANA 名称，例如 Asia/Shanghai 或 Europe/Madrid）</translation>
    </message>
    <message>
        <source>{time} does not exist in {zone} (the clocks jump forward over it)</source>
        <translation>{time} 在 {zone} 不存在（时钟在此处向前跳过）</translation>
    </message>
    <message>
        <source>{time} happens twice in {zone} (the clocks go back); say which one: the earlier or the later</source>
        <translation>{time} 在 {zone} 出现两次（时钟回拨）；请指定是较早的还是较晚的那一次</translation>
    </message>
    <message>
        <source>a date and time is required</source>
        <extracomment>What a user may type (the command line, the core&apos;s string arguments): year first, the ISO 8601 order, so nothing is a guess. ``14/03/2022`` or ``03/04/2022`` (3 April in Chengdu, 4 March in Chicago) is refused, never read one way or the other. Spreadsheet cells are read by ``importing.checking.parse_date``, which knows the forms sheets hold.</extracomment>
        <translation>必须填写日期和时间</translation>
    </message>
    <message>
        <source>{value!r} is not a date and time (write 2020-07-15 09:30)</source>
        <translation>{value!r} 不是有效的日期和时间（请写成 2020-07-15 09:30）</translation>
    </message>
    <message>
        <source>{value!r} carries a UTC offset; give the local time of the seminar&apos;s zone</source>
        <translation>{value!r} 带有 UTC 偏移；请填写研讨会所在时区的当地时间</translation>
    </message>
    <message>
        <source>{value!r} is not a date (write 2020-07-15)</source>
        <translation>{value!r} 不是有效的日期（请写成 2020-07-15）</translation>
    </message>
    <message>
        <source>contains control characters</source>
        <extracomment>Control characters no text of ours holds (tab, line feed and carriage return are text), and lone surrogates (undecodable bytes passed through): refused in values, left out of searches, checked in dumps. The largest whole number a database column holds (PostgreSQL ``integer``): ids, counts. The most seats a seminar can have (a stadium, not a typing slip of 10**20). Characters that show nothing although Unicode files them as letters or symbols: Hangul fillers and the blank Braille pattern. Categories that show nothing by themselves: format characters (zero-width space, joiners, bidi controls, soft hyphen, BOM, tags), controls, separators, and combining marks (variation selectors, the combining grapheme joiner; an accent shows only on a letter).</extracomment>
        <translation>含有控制字符</translation>
    </message>
    <message>
        <source>contains bytes that are not text (is it in another encoding than UTF-8?)</source>
        <translation>含有不是文字的字节（是否使用了 UTF-8 以外的编码？）</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>必须填写</translation>
    </message>
    <message>
        <source>is required (it holds only characters that do not show)</source>
        <translation>为必填项（其中只有不可见的字符）</translation>
    </message>
    <message>
        <source>is {length} characters long; at most {most} fit</source>
        <translation>长 {length} 个字符，最多只能 {most} 个</translation>
    </message>
    <message>
        <source>is longer than 20,000 characters</source>
        <translation>超过 20,000 个字符</translation>
    </message>
    <message>
        <source>{value!r} is not an email address</source>
        <translation>{value!r} 不是电子邮箱地址</translation>
    </message>
    <message>
        <source>{value!r} is not a two-letter country code (CN, ES, KR...)</source>
        <translation>{value!r} 不是两个字母的国家代码（CN、ES、KR……）</translation>
    </message>
    <message>
        <source>{value} is not a whole number</source>
        <translation>{value} 不是整数</translation>
    </message>
    <message>
        <source>{value} is too large (at most {most})</source>
        <translation>{value} 太大（最多 {most}）</translation>
    </message>
    <message>
        <source>must be at least {least} (got {value})</source>
        <translation>必须至少为 {least}（当前为 {value}）</translation>
    </message>
    <message>
        <source>{day} is outside the calendar this program handles ({first} to {last})</source>
        <translation>{day} 超出了本程序能处理的日期范围（{first} 至 {last}）</translation>
    </message>
    <message>
        <source>{value!r} is not one of: {allowed}</source>
        <extracomment>How a group of people in a role is named (&quot;9 policymakers&quot;). A person&apos;s gender, optional (None: not recorded). Shown only in aggregate (the outcome report). What a report calls the people whose gender is None. Registrations in these states hold a seat and count against a seminar&apos;s capacity. Session kinds nobody checks in to and no certificate counts: the programme is the rest.</extracomment>
        <translation>{value!r} 不是以下值之一：{allowed}</translation>
    </message>
    <message>
        <source>there is no certificate to print</source>
        <extracomment>One DocLanguage per code, made once (a page asks for it many times).</extracomment>
        <translation>没有可打印的证书</translation>
    </message>
    <message>
        <source>cannot read logo {path}: {error}</source>
        <translation>无法读取标志 {path}：{error}</translation>
    </message>
    <message>
        <source>nobody of the {count} people registered for seminar {id} is eligible (rule: {rule}); `certificates --seminar {id} --dry-run` lists why</source>
        <extracomment>The one PDF written, or the folder of split files. Characters no font could draw (the caller may warn).</extracomment>
        <translation>研讨会 {id} 的 {count} 名报名人员中没有人符合条件（规则：{rule}）；`certificates --seminar {id} --dry-run` 可列出原因</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name such as certificates.pdf</source>
        <translation>{path} 是文件夹；请给出文件名，例如 certificates.pdf</translation>
    </message>
    <message>
        <source>{text!r} is not a server (write HOST:PORT, smtp.example.org:587)</source>
        <translation>{text!r} 不是服务器（请写作 主机:端口，例如 `smtp.example.org:587`）</translation>
    </message>
    <message>
        <source>the server {server} refused the login: {answer}</source>
        <translation>服务器 {server} 拒绝登录：{answer}</translation>
    </message>
    <message>
        <source>cannot use the server {server}: {error}</source>
        <translation>无法使用服务器 {server}：{error}</translation>
    </message>
    <message>
        <source>folder {path} does not exist</source>
        <translation>文件夹 {path} 不存在</translation>
    </message>
    <message>
        <source>folder {path} cannot be written to</source>
        <translation>无法写入文件夹 {path}</translation>
    </message>
    <message>
        <source>{path} is a file, not a folder</source>
        <translation>{path} 是文件，不是文件夹</translation>
    </message>
    <message>
        <source>{code!r} is not one of: {choices}</source>
        <extracomment>How a choice of document language is named, each in its own language (for a menu). QLocale(&quot;zh_CN&quot;).dayName(n) and dayName(n, ShortFormat), Monday first. Labels and headings of the agenda and the programme: key -&gt; (English, Chinese). The controlled vocabularies in Chinese (the English labels live in core.vocab). As the app&apos;s interface says them (RegistrationStatus in resources/i18n/learninghub_zh_CN.ts).</extracomment>
        <translation>{code!r} 不是以下选项之一：{choices}</translation>
    </message>
    <message>
        <source>{n} problem, nothing was imported: {first}</source>
        <translation>{n} 个问题，未导入任何内容：{first}</translation>
    </message>
    <message>
        <source>{n} problems, nothing was imported: {first} (and {more} more)</source>
        <translation>{n} 个问题，未导入任何内容：{first}（另有 {more} 个）</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {message}</source>
        <extracomment>Longest texts the person record holds, per field.</extracomment>
        <translation>第 {row} 行，{column} 列：{message}</translation>
    </message>
    <message>
        <source>row {row}: {message}</source>
        <translation>第 {row} 行：{message}</translation>
    </message>
    <message>
        <source>column {column}: {message}</source>
        <translation>{column} 列：{message}</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Which column each field came from, to name it in a later problem. Family and given name were split from one &quot;Name&quot; cell: a guess, never overwriting stored names. What a spreadsheet-safe CSV export (ours, and Excel&apos;s habit) puts before a formula-like cell.</extracomment>
        <translation>姓名</translation>
    </message>
    <message>
        <source>no name: a person needs at least a family or given name</source>
        <translation>没有姓名：每个人至少需要姓或名</translation>
    </message>
    <message>
        <source>no name: the cell holds only characters that do not show (zero-width spaces, direction marks...)</source>
        <translation>没有姓名：单元格中只有不可见的字符（零宽空格、方向标记等）</translation>
    </message>
    <message>
        <source>{value!r} is not a country (a name or a two-letter code: CN, ES, KR...)</source>
        <extracomment>Everyday names pycountry&apos;s official ones miss.</extracomment>
        <translation>{value!r} 不是国家（请填写国家名称或两字母代码：CN、ES、KR……）</translation>
    </message>
    <message>
        <source>{value!r} is not a date (write it like 2020-07-15)</source>
        <extracomment>Other ways sheets write a gender (the codes and the app&apos;s names, English and Chinese, are read too). Written for &quot;not recorded&quot;: the same as an empty cell.</extracomment>
        <translation>{value!r} 不是日期（请写成 2020-07-15 这样的格式）</translation>
    </message>
    <message>
        <source>{value!r} is not a field; use one of: {fields} (or ignore)</source>
        <extracomment>Fields a column can fill, with the label screens show.</extracomment>
        <translation>{value!r} 不是字段；请使用以下之一：{fields}（或用 ignore 表示不导入）</translation>
    </message>
    <message>
        <source>{value!r} is not HEADER=FIELD (for example &quot;Mail=email&quot;)</source>
        <translation>{value!r} 不是 HEADER=FIELD 的形式（例如 &quot;Mail=email&quot;）</translation>
    </message>
    <message>
        <source>the file has no column {header!r} (its columns: {columns})</source>
        <translation>文件中没有 {header!r} 列（现有的列：{columns}）</translation>
    </message>
    <message>
        <source>more than one column is mapped to {fields}</source>
        <translation>有多列都对应到了 {fields}</translation>
    </message>
    <message>
        <source>no column holds names; map a column to Full name, Family name, Given name or Native name</source>
        <translation>没有哪一列包含姓名；请将某一列对应到“全名”“姓”“名”或“本国文字姓名”</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>电子邮箱相同</translation>
    </message>
    <message>
        <source>same name and organisation</source>
        <translation>姓名和单位相同</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <extracomment>Delimiters we accept, in the order we prefer them on a tie.</extracomment>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>JPEG 图片</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>GIF 图片</translation>
    </message>
    <message>
        <source>an old Excel (.xls) or Word file; save it as .xlsx or CSV</source>
        <translation>旧版 Excel（.xls）或 Word 文件；请另存为 .xlsx 或 CSV</translation>
    </message>
    <message>
        <source>an SQLite database</source>
        <translation>SQLite 数据库</translation>
    </message>
    <message>
        <source>a gzip archive</source>
        <translation>gzip 压缩包</translation>
    </message>
    <message>
        <source>a RAR archive</source>
        <translation>RAR 压缩包</translation>
    </message>
    <message>
        <source>a 7-Zip archive</source>
        <translation>7-Zip 压缩包</translation>
    </message>
    <message>
        <source>XLSX workbook, sheet {sheet!r}</source>
        <extracomment>What a GB18030 file from a Chinese office holds beyond ASCII: Chinese, punctuation, full-width forms, and the Korean, Japanese, Cyrillic, Greek and accented Latin letters GB18030 also encodes. The row number the spreadsheet shows for each data row (the header is row 1).</extracomment>
        <translation>XLSX 工作簿，工作表 {sheet!r}</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <source>CSV, {encoding}, tab-separated</source>
        <translation>CSV，{encoding}，制表符分隔</translation>
    </message>
    <message>
        <source>CSV, {encoding}, comma-separated</source>
        <translation>CSV，{encoding}，逗号分隔</translation>
    </message>
    <message>
        <source>CSV, {encoding}, semicolon-separated</source>
        <translation>CSV，{encoding}，分号分隔</translation>
    </message>
    <message>
        <source>CSV, {encoding}, bar-separated</source>
        <translation>CSV，{encoding}，竖线分隔</translation>
    </message>
    <message>
        <source>CSV, {encoding}, {delimiter}-separated</source>
        <translation>CSV，{encoding}，以 {delimiter} 分隔</translation>
    </message>
    <message>
        <source>is {size}, more than the {cap} a file of people may be; split it</source>
        <translation>大小为 {size}，超过人员文件允许的 {cap}；请拆分</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>没有这个文件</translation>
    </message>
    <message>
        <source>is a folder, not a spreadsheet</source>
        <translation>是文件夹，不是电子表格</translation>
    </message>
    <message>
        <source>there is no template {name!r} (shipped: {names})</source>
        <extracomment>What a block of questions is repeated for (None: asked once). The templates the app ships: &quot;standard&quot; (seminar, each session, comments), &quot;speakers&quot; (each speaker too).</extracomment>
        <translation>没有模板 {name!r}（自带：{names}）</translation>
    </message>
    <message>
        <source>cannot be read ({reason})</source>
        <translation>无法读取（{reason}）</translation>
    </message>
    <message>
        <source>is not a JSON template ({reason})</source>
        <translation>不是 JSON 模板（{reason}）</translation>
    </message>
    <message>
        <source>a template is an object with a list of questions</source>
        <translation>模板必须是一个包含题目列表的对象</translation>
    </message>
    <message>
        <source>a question is an object</source>
        <translation>每道题必须是一个对象</translation>
    </message>
    <message>
        <source>kind {kind!r} is none of {kinds}</source>
        <translation>类型 {kind!r} 不在 {kinds} 之中</translation>
    </message>
    <message>
        <source>per must be session, speaker or left out</source>
        <translation>“按”只能是“日程”“发言人”或留空（`per`：`session`、`speaker`）</translation>
    </message>
    <message>
        <source>code {code!r} is used twice or longer than 40</source>
        <translation>代码 {code!r} 重复使用或超过 40 个字符</translation>
    </message>
    <message>
        <source>a rating has five labels, from 1 to 5</source>
        <translation>评分题须有五个标签，从 1 到 5</translation>
    </message>
    <message>
        <source>a choice has 2 to 30 options</source>
        <translation>选择题须有 2 至 30 个选项</translation>
    </message>
    <message>
        <source>the file is empty: no header row and no people</source>
        <translation>文件是空的：没有表头行，也没有人员</translation>
    </message>
    <message>
        <source>CSV or other text</source>
        <translation>CSV 或其他文本</translation>
    </message>
    <message>
        <source>not a spreadsheet</source>
        <translation>非电子表格文件</translation>
    </message>
    <message>
        <source>the name says Excel workbook (.xlsx) but the file is {what}</source>
        <translation>文件名表明是 Excel 工作簿（.xlsx），但文件实际上是 {what}</translation>
    </message>
    <message>
        <source>the name says Excel workbook (.xlsx) but the file is another kind of ZIP archive (a Word or OpenDocument file?)</source>
        <translation>文件名表明是 Excel 工作簿（.xlsx），但文件实际上是另一种 ZIP 压缩包（Word 或 OpenDocument 文件？）</translation>
    </message>
    <message>
        <source>is an old Excel (.xls) file; save it as .xlsx or CSV in Excel and import that</source>
        <translation>是旧版 Excel（.xls）文件；请在 Excel 中另存为 .xlsx 或 CSV 后再导入</translation>
    </message>
    <message>
        <source>the name says text but the file is an Excel workbook; rename it to .xlsx</source>
        <translation>文件名表明是文本文件，但它实际上是 Excel 工作簿；请将其重命名为 .xlsx</translation>
    </message>
    <message>
        <source>the name says {suffix} but the file is an Excel workbook; rename it to .xlsx</source>
        <translation>文件名表明是 {suffix} 文件，但它实际上是 Excel 工作簿；请将其重命名为 .xlsx</translation>
    </message>
    <message>
        <source>is a ZIP archive, not a spreadsheet</source>
        <translation>是 ZIP 压缩包，不是电子表格</translation>
    </message>
    <message>
        <source>is {what}, not a spreadsheet (CSV or XLSX)</source>
        <translation>是 {what}，不是电子表格（CSV 或 XLSX）</translation>
    </message>
    <message>
        <source>is a damaged ZIP archive (cut short, or not wholly copied?), not a workbook we can read</source>
        <translation>是损坏的 ZIP 压缩包（被截断或未完整复制？），不是可读取的工作簿</translation>
    </message>
    <message>
        <source>is not a text spreadsheet (CSV) or an XLSX workbook: its bytes are binary data</source>
        <extracomment>The csv module&apos;s limit on one cell (its default, 131,072 characters). Kept, not raised: no field takes more than 20,000 (notes), so a longer cell is a mistake to report, never a value to store. What the delimiter is guessed from: the first lines, at most this many characters.</extracomment>
        <translation>既不是文本电子表格（CSV），也不是 XLSX 工作簿：其内容是二进制数据</translation>
    </message>
    <message>
        <source>its text is in no encoding we can read (UTF-8, UTF-16, GB18030, Windows-1252); save it as &quot;CSV UTF-8&quot; and import that</source>
        <translation>文件的文本编码无法识别（可读取 UTF-8、UTF-16、GB18030、Windows-1252）；请另存为“CSV UTF-8”后再导入</translation>
    </message>
    <message>
        <source>the row fills {count} columns, more than the {cap} a sheet of people may have</source>
        <extracomment>The most columns a sheet of people may fill: the app shows a chooser for each one. The largest file read at all (it is read whole into memory): 256 MB.</extracomment>
        <translation>该行占用 {count} 列，超过人员表允许的 {cap} 列</translation>
    </message>
    <message>
        <source>a quote (&quot;) opens this cell and is never closed, so everything after it to the end of the file (line {last}) would be one cell; close the quote or remove it</source>
        <translation>此单元格以引号（&quot;）开头却没有结束，之后直到文件末尾（第 {last} 行）的内容都会成为一个单元格；请补上结束引号或删除该引号</translation>
    </message>
    <message>
        <source>the cell holds {length} characters, more than the {limit} a cell may have (no field takes more than 20,000)</source>
        <translation>单元格有 {length} 个字符，超过单元格允许的 {limit} 个（任何字段都不超过 20,000 个字符）</translation>
    </message>
    <message>
        <source>line {line}: the CSV is malformed ({error})</source>
        <translation>第 {line} 行：CSV 格式有误（{error}）</translation>
    </message>
    <message>
        <source>a quote (&quot;) opens this cell and runs on over {lines} lines that read as rows of their own (to line {last}): a closing quote is missing, or one quote too many</source>
        <translation>此单元格以引号（&quot;）开头，延续了 {lines} 行本应各自成行的内容（到第 {last} 行）：缺少结束引号，或多了一个引号</translation>
    </message>
    <message>
        <source>is not a readable Excel workbook ({kind}: {error})</source>
        <translation>不是可读取的 Excel 工作簿（{kind}：{error}）</translation>
    </message>
    <message>
        <source>the workbook is empty: no header row and no people</source>
        <translation>工作簿是空的：没有表头行，也没有人员</translation>
    </message>
    <message>
        <source>is not a workbook we can read: it holds {count} files, more than the {cap} allowed</source>
        <extracomment>Caps on what a workbook may unpack to, checked before any reader opens it: a &quot;zip bomb&quot; of 1 MB unpacks to 1 GB. A sheet of 100,000 people unpacks to some 60 MB, and its XML packs 5 to 30 times; a bomb packs about 1,000 times. Parts of a workbook smaller than this are not held to MAX_RATIO (tiny files pack oddly).</extracomment>
        <translation>不是可读取的工作簿：其中有 {count} 个文件，超过允许的 {cap} 个</translation>
    </message>
    <message>
        <source>is refused unread: it would unpack to {size}, more than the {cap} a workbook may take (a &quot;zip bomb&quot;?); split it, or save it as CSV</source>
        <translation>未读取即拒绝：解压后将达 {size}，超过工作簿允许的 {cap}（“压缩炸弹”？）；请拆分，或另存为 CSV</translation>
    </message>
    <message>
        <source>is refused unread: its part {part} packs {size} into {packed}, more than {cap} times (a &quot;zip bomb&quot;?); a real sheet packs 5 to 30 times</source>
        <translation>未读取即拒绝：其中的 {part} 把 {size} 压缩为 {packed}，压缩比超过 {cap} 倍（“压缩炸弹”？）；正常工作表的压缩比为 5 到 30 倍</translation>
    </message>
    <message>
        <source>is a password-protected archive; save the workbook without a password</source>
        <translation>是受密码保护的压缩包；请将工作簿另存为无密码版本</translation>
    </message>
    <message>
        <source>is a damaged or unusual ZIP archive, not a workbook we can read ({error})</source>
        <translation>是损坏或异常的 ZIP 压缩包，不是可读取的工作簿（{error}）</translation>
    </message>
    <message>
        <source>the workbook has no worksheet</source>
        <translation>工作簿中没有工作表</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name</source>
        <translation>{path} 是文件夹；请给出文件名</translation>
    </message>
    <message>
        <source>folder {folder} does not exist</source>
        <translation>文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>{path} is the database itself; choose another file</source>
        <extracomment>The schema of the backup; it was upgraded when it differs from ``schema_now``. The copy of the database as it was just before the restore.</extracomment>
        <translation>{path} 就是当前数据库本身；请选择其他文件</translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation>{path} 不存在</translation>
    </message>
    <message>
        <source>{path} is a folder, not a backup file</source>
        <translation>{path} 是文件夹，不是备份文件</translation>
    </message>
    <message>
        <source>{path} is empty, not a Learning Hub backup</source>
        <translation>{path} 是空文件，不是 Learning Hub 备份</translation>
    </message>
    <message>
        <source>{path} is not a Learning Hub backup (neither a Learning Hub database nor a dump)</source>
        <translation>{path} 不是 Learning Hub 备份（既不是 Learning Hub 数据库，也不是转储文件）</translation>
    </message>
    <message>
        <source>{label} is not a Learning Hub backup (it is a database of another program)</source>
        <translation>{label} 不是 Learning Hub 备份（它是其他程序的数据库）</translation>
    </message>
    <message>
        <source>{label} is not a Learning Hub backup (it is an empty database)</source>
        <translation>{label} 不是 Learning Hub 备份（它是一个空数据库）</translation>
    </message>
    <message>
        <source>{path} is not a Learning Hub backup ({reason})</source>
        <translation>{path} 不是 Learning Hub 备份（{reason}）</translation>
    </message>
    <message>
        <source>{path} is damaged: {reason}</source>
        <translation>{path} 已损坏：{reason}</translation>
    </message>
    <message>
        <source>{path}: {n} rows refer to rows the dump does not hold</source>
        <translation>{path}：有 {n} 行引用了转储文件中没有的行</translation>
    </message>
    <message>
        <source>{path} holds a value that does not fit: {reason}</source>
        <translation>{path} 中有不符合要求的值：{reason}</translation>
    </message>
    <message>
        <source>{path} is damaged ({reason})</source>
        <translation>{path} 已损坏（{reason}）</translation>
    </message>
    <message>
        <source>{path} is the database itself</source>
        <translation>{path} 就是当前数据库本身</translation>
    </message>
    <message>
        <source>the restore could not write the database and changed nothing: {reason}</source>
        <translation>恢复时无法写入数据库，未做任何更改：{reason}</translation>
    </message>
    <message>
        <source>{path} is not a Learning Hub dump</source>
        <translation>{path} 不是 Learning Hub 转储文件</translation>
    </message>
    <message>
        <source>{path} is a dump in a format this version does not read (version {version})</source>
        <translation>{path} 是本版本无法读取的转储格式（格式版本 {version}）</translation>
    </message>
    <message>
        <source>{path} line {number}: damaged (not JSON)</source>
        <translation>{path} 第 {number} 行：已损坏（不是 JSON）</translation>
    </message>
    <message>
        <source>{path} line {number}: a row that fits no table</source>
        <translation>{path} 第 {number} 行：该行不属于任何数据表</translation>
    </message>
    <message>
        <source>{path}: the dump says {said} rows but holds {held}</source>
        <translation>{path}：转储文件标明有 {said} 行，实际有 {held} 行</translation>
    </message>
    <message>
        <source>{path} line {number}: more after the end of the dump</source>
        <translation>{path} 第 {number} 行：导出文件结束行之后还有内容</translation>
    </message>
    <message>
        <source>{path} line {number}: not part of a Learning Hub dump</source>
        <translation>{path} 第 {number} 行：不属于 Learning Hub 转储文件</translation>
    </message>
    <message>
        <source>{path} is cut off (its last line is missing); nothing was restored</source>
        <translation>{path} 不完整（缺少最后一行）；未恢复任何内容</translation>
    </message>
    <message>
        <source>{path} line {number}: a table line without a name and distinct column names</source>
        <translation>{path} 第 {number} 行：数据表行缺少表名或列名重复</translation>
    </message>
    <message>
        <source>{path}: table {table!r} does not exist in schema</source>
        <translation>{path}：数据库结构中不存在数据表 {table!r}</translation>
    </message>
    <message>
        <source>{path}: table {table!r} has no column {column!r}</source>
        <translation>{path}：数据表 {table!r} 没有列 {column!r}</translation>
    </message>
    <message>
        <source>{path} lines {first} to {last}: table {table!r}: the database refuses a row: {reason}</source>
        <translation>{path} 第 {first} 至 {last} 行：数据表 {table!r}：数据库拒绝了其中一行：{reason}</translation>
    </message>
    <message>
        <source>{value} is not a number</source>
        <extracomment>How the values people type are checked when a dump brings them back, by (table, column). Columns not named here (derived keys, codes, rules) are checked for their type, length and the characters no database stores (NUL, lone surrogates) only.</extracomment>
        <translation>{value} 不是数字</translation>
    </message>
    <message>
        <source>{value} is not true or false</source>
        <translation>{value} 不是布尔值（真或假）</translation>
    </message>
    <message>
        <source>{value} is not a date and time (2020-07-13T09:00:00)</source>
        <translation>{value} 不是日期时间（如 2020-07-13 09:00:00）</translation>
    </message>
    <message>
        <source>{value} is not a date (2020-07-13)</source>
        <translation>{value} 不是日期（2020-07-13）</translation>
    </message>
    <message>
        <source>{value} is not text</source>
        <translation>{value} 不是文本</translation>
    </message>
    <message>
        <source>{value} is not a list of texts</source>
        <translation>{value} 不是文本列表</translation>
    </message>
    <message>
        <source>{path} line {number}: table {table!r}, column {column!r}: {reason}; nothing was restored</source>
        <extracomment>(table, columns) of a primary key or unique constraint -&gt; values seen -&gt; line.</extracomment>
        <translation>{path} 第 {number} 行：数据表 {table!r}，列 {column!r}：{reason}；未恢复任何内容</translation>
    </message>
    <message>
        <source>{value} is not an id (1 to {most})</source>
        <translation>{value} 不是编号（1 到 {most}）</translation>
    </message>
    <message>
        <source>missing from the table&apos;s columns</source>
        <translation>数据表的列中缺少此项</translation>
    </message>
    <message>
        <source>refers to {target} {value}, which no row before it holds</source>
        <translation>引用了 {target} {value}，但此前没有任何行包含它</translation>
    </message>
    <message>
        <source>repeats {value}, the key of the row on line {line}</source>
        <translation>重复了 {value}，即第 {line} 行的键</translation>
    </message>
    <message>
        <source>{name}: the file name must end in {suffix}</source>
        <extracomment>Rows at the bottom shown in bold (totals). Column index → fixed width (characters); the others fit their contents. Wrap header text (multi-line session headers). Columns kept in view when scrolling sideways (names beside a wide matrix).</extracomment>
        <translation>{name}：文件名必须以 {suffix} 结尾</translation>
    </message>
    <message>
        <source>{name}: the file name must end in {suffixes} or {last}</source>
        <translation>{name}：文件名必须以 {suffixes} 或 {last} 结尾</translation>
    </message>
    <message>
        <source>Added “{title}” on {day}</source>
        <extracomment>A whole-series edit names times of day; a single session&apos;s edit, date-times.</extracomment>
        <translation>已添加{day}的“{title}”</translation>
    </message>
    <message>
        <source>Added {n} sessions “{title}” from {day}</source>
        <translation>已添加自{day}起的 {n} 场“{title}”</translation>
    </message>
    <message>
        <source>adding “{title}”</source>
        <translation>添加“{title}”</translation>
    </message>
    <message>
        <source>restoring “{title}” on {day}</source>
        <translation>恢复{day}的“{title}”</translation>
    </message>
    <message>
        <source>Restored “{title}” on {day}</source>
        <translation>已恢复{day}的“{title}”</translation>
    </message>
    <message>
        <source>restoring {n} sessions “{title}”</source>
        <translation>恢复 {n} 场“{title}”</translation>
    </message>
    <message>
        <source>Restored {n} sessions “{title}”</source>
        <translation>已恢复 {n} 场“{title}”</translation>
    </message>
    <message>
        <source>edit of “{title}”</source>
        <extracomment>The fields ``curricula.edit_curriculum`` takes.</extracomment>
        <translation>编辑“{title}”</translation>
    </message>
    <message>
        <source>Saved “{title}”</source>
        <translation>已保存“{title}”</translation>
    </message>
    <message>
        <source>cancelling “{title}” on {day}</source>
        <translation>取消{day}的“{title}”</translation>
    </message>
    <message>
        <source>Cancelled “{title}” on {day}</source>
        <translation>已取消{day}的“{title}”</translation>
    </message>
    <message>
        <source>cancelling {n} occurrences of “{title}”</source>
        <translation>取消“{title}”的 {n} 场</translation>
    </message>
    <message>
        <source>Cancelled {n} occurrences of “{title}”</source>
        <translation>已取消“{title}”的 {n} 场</translation>
    </message>
    <message>
        <source>deleting “{title}” on {day}</source>
        <translation>删除{day}的“{title}”</translation>
    </message>
    <message>
        <source>Deleted “{title}” on {day}</source>
        <translation>已删除{day}的“{title}”</translation>
    </message>
    <message>
        <source>deleting {n} sessions “{title}”</source>
        <translation>删除 {n} 场“{title}”</translation>
    </message>
    <message>
        <source>Deleted {n} sessions “{title}”</source>
        <translation>已删除 {n} 场“{title}”</translation>
    </message>
    <message>
        <source>edit of every “{title}”</source>
        <translation>编辑全部“{title}”</translation>
    </message>
    <message>
        <source>Saved every “{title}”</source>
        <translation>已保存全部“{title}”</translation>
    </message>
    <message>
        <source>{name}: checked in to “{title}”</source>
        <translation>{name}：已签到“{title}”</translation>
    </message>
    <message>
        <source>check-in of “{name}”</source>
        <translation>为“{name}”签到</translation>
    </message>
    <message>
        <source>removing the check-in of “{name}”</source>
        <translation>取消“{name}”的签到</translation>
    </message>
    <message>
        <source>{name}: check-in to “{title}” removed</source>
        <translation>{name}：已取消“{title}”的签到</translation>
    </message>
    <message>
        <source>{what} {id} was changed by someone else meanwhile; reload it and apply your change again</source>
        <extracomment>(table, row id, digest) of each row as a change left it. Columns that move on every write whatever it changed.</extracomment>
        <translation>{what} {id} 在此期间已被他人修改；请重新加载后再次修改</translation>
    </message>
    <message>
        <source>adding “{name}”</source>
        <translation>添加“{name}”</translation>
    </message>
    <message>
        <source>Added “{name}”</source>
        <translation>已添加“{name}”</translation>
    </message>
    <message>
        <source>edit of “{name}”</source>
        <translation>编辑“{name}”</translation>
    </message>
    <message>
        <source>Saved “{name}”</source>
        <translation>已保存“{name}”</translation>
    </message>
    <message>
        <source>status of “{name}”: {status}</source>
        <translation>“{name}”的状态：{status}</translation>
    </message>
    <message>
        <source>taking back the registration of “{name}”</source>
        <translation>撤回“{name}”的报名</translation>
    </message>
    <message>
        <source>taking back the status change of “{name}”</source>
        <translation>撤回“{name}”的状态更改</translation>
    </message>
    <message>
        <source>{name}: registration taken back</source>
        <translation>{name}：报名已撤回</translation>
    </message>
    <message>
        <source>{said} — back on the waiting list: {names}</source>
        <translation>{said}——重回候补名单：{names}</translation>
    </message>
    <message>
        <source>{said} — moved up from the waiting list: {names}</source>
        <translation>{said}——从候补名单递补：{names}</translation>
    </message>
    <message>
        <source>registering “{name}”</source>
        <translation>报名“{name}”</translation>
    </message>
    <message>
        <source>{name}: {status} — the seminar is full</source>
        <translation>{name}：{status}——研讨会已满员</translation>
    </message>
    <message>
        <source>{name}: {status}</source>
        <translation>{name}：{status}</translation>
    </message>
    <message>
        <source>partner “{name}”</source>
        <translation>合作单位“{name}”</translation>
    </message>
    <message>
        <source>{role}: “{name}”</source>
        <translation>{role}：“{name}”</translation>
    </message>
    <message>
        <source>removing partner “{name}”</source>
        <translation>移除合作单位“{name}”</translation>
    </message>
    <message>
        <source>Removed partner “{name}”</source>
        <translation>已移除合作单位“{name}”</translation>
    </message>
    <message>
        <source>Added “{title}”</source>
        <translation>已添加“{title}”</translation>
    </message>
    <message>
        <source>no attachment {name!r} (one of {kinds})</source>
        <translation>没有附件 {name!r}（可选：{kinds}）</translation>
    </message>
    <message>
        <source>{text!r} is not an e-mail address (write Name &lt;someone@example.org&gt;)</source>
        <extracomment>The header that carries a message&apos;s idempotency key (a receiving script can drop doubles by it).</extracomment>
        <translation>{text!r} 不是电子邮件地址（请写作：姓名 &lt;电子邮件地址&gt;）</translation>
    </message>
    <message>
        <source>no mail batch with id {id}</source>
        <extracomment>lang -&gt; (subject, body) as edited for the batch state -&gt; how many messages are in it</extracomment>
        <translation>没有编号为 {id} 的邮件批次</translation>
    </message>
    <message>
        <source>a lone &apos;$&apos; in the template: write $$ for a dollar sign, or a placeholder such as $name</source>
        <translation>模板中有单独的“$”：美元符号请写作 $$，或使用占位符，例如 `$name`</translation>
    </message>
    <message>
        <source>unknown placeholder ${name} (known: {known})</source>
        <translation>未知占位符 ${name}（可用：{known}）</translation>
    </message>
    <message>
        <source>language {lang!r} is not one of {langs}</source>
        <extracomment>The languages a batch may be written in: one for all, or each person&apos;s own (``auto``). How many people a refusal names before &quot;and N more&quot;. What the preview shows for a certificate code that sending will issue. lang -&gt; (subject, body); a language not given uses the built-in wording only these people of the audience (None: all of it)</extracomment>
        <translation>语言 {lang!r} 不在 {langs} 之中</translation>
    </message>
    <message>
        <source>the message cannot be filled in for {count} people: {names}{more}; nothing was queued or sent</source>
        <translation>有 {count} 人的邮件无法填写：{names}{more}；没有排队或发送任何邮件</translation>
    </message>
    <message>
        <source>nobody to send to: {audience} of seminar {id} has no one with an e-mail address and consent ({left} left out)</source>
        <translation>没有收件人：研讨会 {id} 的{audience}中没有人既有电子邮件地址又同意联系（{left} 人被排除）</translation>
    </message>
    <message>
        <source>no audience {name!r} (one of {audiences})</source>
        <extracomment>&quot;registered&quot; is everyone holding a seat (registered, confirmed, attended, no-show). Countries whose people get the Chinese wording when the batch&apos;s language is &quot;auto&quot;. Their registration status at the seminar (None for a speaker not registered). Their IANA zone from city and country (None: not known). The sessions they speak at or moderate (speakers); None: every session of the seminar.</extracomment>
        <translation>没有收件人类别 {name!r}（可选：{audiences}）</translation>
    </message>
    <message>
        <source>erased</source>
        <translation>已删除个人资料</translation>
    </message>
    <message>
        <source>no e-mail address</source>
        <translation>没有电子邮件地址</translation>
    </message>
    <message>
        <source>no consent to be contacted</source>
        <translation>未同意联系</translation>
    </message>
    <message>
        <source>no template {name!r} (one of {kinds})</source>
        <extracomment>What each kind attaches unless the user says otherwise. Who each kind goes to unless the user says otherwise (``recipients.AUDIENCES``).</extracomment>
        <translation>没有模板 {name!r}（可选：{kinds}）</translation>
    </message>
    <message>
        <source>holds control characters</source>
        <extracomment>Longest free-text answer kept (a page of comments). How form tools join the options ticked in one cell: Microsoft Forms &apos;;&apos;, 问卷星 &apos;┋&apos;, others &apos;|&apos; or a new line. What 问卷星 writes for a question skipped by its logic, or left empty.</extracomment>
        <translation>含有控制字符</translation>
    </message>
    <message>
        <source>is longer than {most} characters</source>
        <translation>超过 {most} 个字符</translation>
    </message>
    <message>
        <source>{value!r} is not a rating from 1 to 5 or one of its labels</source>
        <translation>{value!r} 不是 1 至 5 的评分，也不是其标签之一</translation>
    </message>
    <message>
        <source>{value!r} is none of the options ({options})</source>
        <translation>{value!r} 不是任何一个选项（{options}）</translation>
    </message>
    <message>
        <source>creating the evaluation questionnaire</source>
        <translation>创建评估问卷</translation>
    </message>
    <message>
        <source>evaluation questionnaire created</source>
        <translation>已创建评估问卷</translation>
    </message>
    <message>
        <source>removing the evaluation questionnaire</source>
        <translation>删除评估问卷</translation>
    </message>
    <message>
        <source>evaluation questionnaire removed</source>
        <translation>已删除评估问卷</translation>
    </message>
    <message>
        <source>evaluation questionnaire restored</source>
        <translation>已恢复评估问卷</translation>
    </message>
    <message>
        <source>{count} evaluation responses removed</source>
        <translation>已删除 {count} 份评估答卷</translation>
    </message>
    <message>
        <source>adding {count} evaluation responses</source>
        <translation>添加 {count} 份评估答卷</translation>
    </message>
    <message>
        <source>{count} evaluation responses added</source>
        <translation>已添加 {count} 份评估答卷</translation>
    </message>
    <message>
        <source>no question {code!r}</source>
        <translation>没有题目 {code!r}</translation>
    </message>
    <message>
        <source>seminar {id} has no evaluation questionnaire; create one first</source>
        <translation>研讨会 {id} 还没有评估问卷；请先创建</translation>
    </message>
    <message>
        <source>seminar {id} has an evaluation questionnaire already</source>
        <translation>研讨会 {id} 已有评估问卷</translation>
    </message>
    <message>
        <source>the mapping names {wanted!r}, which is no question of the questionnaire</source>
        <extracomment>The tools&apos; own columns, by their folded titles: what each is for (None: ignored). How a tool&apos;s file is recognised: the folded titles only it writes. The longest external id kept (the tools&apos; ids are short numbers).</extracomment>
        <translation>对应关系中的 {wanted!r} 不是问卷中的题目</translation>
    </message>
    <message>
        <source>matches no question of the questionnaire; map it to one or leave it out (--map &quot;{header}=-&quot;)</source>
        <translation>与问卷中的任何题目都不对应；请指定对应的题目，或将其略去（--map &quot;{header}=-&quot;）</translation>
    </message>
    <message>
        <source>is the same question as column {other}</source>
        <translation>与第 {other} 列是同一道题</translation>
    </message>
    <message>
        <source>no answer to a required question</source>
        <translation>必答题没有答案</translation>
    </message>
    <message>
        <source>{value!r} is not a date and time</source>
        <translation>{value!r} 不是日期和时间</translation>
    </message>
    <message>
        <source>{value!r} is on row {other} too</source>
        <translation>{value!r} 在第 {other} 行也出现了</translation>
    </message>
    <message>
        <source>{pair!r} is not COLUMN=QUESTION</source>
        <translation>{pair!r} 不是“列=题目”（`COLUMN=QUESTION`）的格式</translation>
    </message>
    <message>
        <source>… and {count} more problems</source>
        <translation>……另有 {count} 个问题</translation>
    </message>
    <message>
        <source>nothing imported, {count} problems:
{problems}</source>
        <translation>没有导入任何内容，共 {count} 个问题：
{problems}</translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <source>ddd dd MMM</source>
        <translation>M月d日 dddd</translation>
    </message>
    <message>
        <source>ddd dd MMM yyyy</source>
        <translation>yyyy年M月d日 dddd</translation>
    </message>
    <message>
        <source>ddd dd MMM HH:mm</source>
        <translation>M月d日 dddd HH:mm</translation>
    </message>
    <message>
        <source>dd MMM</source>
        <translation>M月d日</translation>
    </message>
</context>
<context>
    <name>field</name>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Chinese title</source>
        <translation>中文标题</translation>
    </message>
    <message>
        <source>description</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Chinese description</source>
        <translation>中文简介</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>native name</source>
        <translation>本国文字姓名</translation>
    </message>
    <message>
        <source>email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>city</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>city native name</source>
        <translation>城市本地名称</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>organisation native name</source>
        <translation>单位本地名称</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>curriculum</source>
        <translation>课程体系</translation>
    </message>
    <message>
        <source>seminar</source>
        <translation>研讨会</translation>
    </message>
    <message>
        <source>session</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>series</source>
        <translation>重复系列</translation>
    </message>
    <message>
        <source>registration</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>capacity</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>room</source>
        <translation>会场</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>end</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>start year</source>
        <translation>起始年份</translation>
    </message>
    <message>
        <source>end year</source>
        <translation>结束年份</translation>
    </message>
    <message>
        <source>timezone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>second time zone</source>
        <translation>第二时区</translation>
    </message>
    <message>
        <source>repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>repeat every</source>
        <translation>重复间隔</translation>
    </message>
    <message>
        <source>repeat end</source>
        <translation>重复截止</translation>
    </message>
    <message>
        <source>repeat count</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <source>attendance</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>code</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>certificate settings</source>
        <translation>证书设置</translation>
    </message>
    <message>
        <source>minimum hours</source>
        <translation>最少学时</translation>
    </message>
    <message>
        <source>minimum attendance %</source>
        <translation>最低出席率 %</translation>
    </message>
    <message>
        <source>signatories</source>
        <translation>签署人</translation>
    </message>
    <message>
        <source>logos</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>mapping</source>
        <translation>列对应</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>moderator</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>signatory</source>
        <translation>签署人</translation>
    </message>
    <message>
        <source>logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>{place} start</source>
        <translation>{place}开始时间</translation>
    </message>
    <message>
        <source>{place} end</source>
        <translation>{place}结束时间</translation>
    </message>
    <message>
        <source>occurrence {day}</source>
        <translation>{day} 的场次</translation>
    </message>
    <message>
        <source>signatory {n} name</source>
        <translation>签署人 {n} 姓名</translation>
    </message>
    <message>
        <source>signatory {n} title</source>
        <translation>签署人 {n} 职务</translation>
    </message>
    <message>
        <source>signatory {n} Chinese title</source>
        <translation>签署人 {n} 中文职务</translation>
    </message>
    <message>
        <source>logo {n}</source>
        <translation>标志 {n}</translation>
    </message>
</context>
<context>
    <name>mail</name>
    <message>
        <source>the name in the person&apos;s own script (李佳)</source>
        <translation>本人文字书写的姓名（李佳）</translation>
    </message>
    <message>
        <source>the name in Latin letters (Jia Li)</source>
        <translation>拉丁字母姓名（Jia Li）</translation>
    </message>
    <message>
        <source>the given name in Latin letters</source>
        <translation>拉丁字母的名</translation>
    </message>
    <message>
        <source>the family name in Latin letters</source>
        <translation>拉丁字母的姓</translation>
    </message>
    <message>
        <source>the person&apos;s title (Dr, Mayor)</source>
        <translation>头衔（博士、市长）</translation>
    </message>
    <message>
        <source>the person&apos;s organisation</source>
        <translation>所在单位</translation>
    </message>
    <message>
        <source>the seminar&apos;s title in the message&apos;s language</source>
        <translation>邮件语言的研讨会标题</translation>
    </message>
    <message>
        <source>the seminar&apos;s days</source>
        <translation>研讨会日期</translation>
    </message>
    <message>
        <source>the first session&apos;s start in the seminar&apos;s time zone</source>
        <translation>第一个日程的开始时间（研讨会时区）</translation>
    </message>
    <message>
        <source>the first session&apos;s start in the recipient&apos;s city&apos;s time zone</source>
        <translation>第一个日程的开始时间（收件人所在城市的时区）</translation>
    </message>
    <message>
        <source>the seminar&apos;s time zone</source>
        <translation>研讨会时区</translation>
    </message>
    <message>
        <source>the recipient&apos;s time zone (from their city and country)</source>
        <translation>收件人的时区（根据其城市和国家）</translation>
    </message>
    <message>
        <source>the seminar&apos;s venue</source>
        <translation>研讨会地点</translation>
    </message>
    <message>
        <source>the seminar&apos;s city</source>
        <translation>研讨会城市</translation>
    </message>
    <message>
        <source>the online link (the first web address in the venue, a room or the description)</source>
        <translation>在线链接（地点、会议室或说明中的第一个网址）</translation>
    </message>
    <message>
        <source>the person&apos;s registration status</source>
        <translation>报名状态</translation>
    </message>
    <message>
        <source>the person&apos;s certificate code</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>how to check the certificate code</source>
        <translation>如何核验证书编号</translation>
    </message>
    <message>
        <source>Invited</source>
        <extracomment>audience -&gt; English label (the window translates it in the &quot;mail&quot; context).</extracomment>
        <translation>已邀请</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已报名</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>候补名单</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>已出席</translation>
    </message>
    <message>
        <source>Eligible for a certificate</source>
        <translation>符合证书条件</translation>
    </message>
    <message>
        <source>Speakers and moderators</source>
        <translation>发言人和主持人</translation>
    </message>
    <message>
        <source>Invitation</source>
        <extracomment>kind -&gt; English label (the window translates it in the &quot;mail&quot; context).</extracomment>
        <translation>邀请函</translation>
    </message>
    <message>
        <source>Confirmation of registration</source>
        <translation>报名确认</translation>
    </message>
    <message>
        <source>A place freed on the waiting list</source>
        <translation>候补名单有空位</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Free message</source>
        <translation>自由撰写</translation>
    </message>
</context>
</TS>
