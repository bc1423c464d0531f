<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminView</name>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="127"/>
        <source>Add &amp;workup type…</source>
        <translation>添加检查类型(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="129"/>
        <source>Add &amp;drug…</source>
        <translation>添加药物(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="131"/>
        <source>&amp;Edit drug…</source>
        <translation>编辑药物(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="134"/>
        <source>Add &amp;program…</source>
        <translation>添加计划(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="136"/>
        <source>Edi&amp;t program…</source>
        <translation>编辑计划(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="154"/>
        <location filename="../../alsdesk/ui/admin/view.py" line="272"/>
        <source>Disciplines</source>
        <translation>专业</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="267"/>
        <source>Disciplines are fixed by the app: the worklist and the schedule rules use them.</source>
        <translation>专业由程序固定：工作清单和排程规则都依据这些专业。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="79"/>
        <source>Clinic profile</source>
        <translation>诊所信息</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="80"/>
        <location filename="../../alsdesk/ui/admin/view.py" line="258"/>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="83"/>
        <location filename="../../alsdesk/ui/admin/view.py" line="264"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="84"/>
        <source>Investigation</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="85"/>
        <location filename="../../alsdesk/ui/admin/view.py" line="93"/>
        <source>Chinese</source>
        <translation>中文名</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="86"/>
        <location filename="../../alsdesk/ui/admin/view.py" line="229"/>
        <location filename="../../alsdesk/ui/admin/view.py" line="242"/>
        <location filename="../../alsdesk/ui/admin/view.py" line="264"/>
        <source>Discipline</source>
        <translation>专业</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="92"/>
        <source>Drug</source>
        <translation>药物</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="95"/>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="99"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="101"/>
        <source>Default dose</source>
        <translation>默认剂量</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="106"/>
        <source>Facts</source>
        <translation>要点</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="116"/>
        <source>Program</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="117"/>
        <source>Evidence level</source>
        <translation>证据级别</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="118"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="119"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="124"/>
        <location filename="../../alsdesk/ui/admin/view.py" line="146"/>
        <source>Workup types</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="125"/>
        <location filename="../../alsdesk/ui/admin/view.py" line="148"/>
        <source>Drugs</source>
        <translation>药物</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="126"/>
        <location filename="../../alsdesk/ui/admin/view.py" line="152"/>
        <source>Program templates</source>
        <translation>计划模板</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="156"/>
        <source>Catalogs</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="171"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="183"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="184"/>
        <source>US Letter</source>
        <translation>美国信纸</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="186"/>
        <source>&amp;Save clinic profile</source>
        <translation>保存诊所信息(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="189"/>
        <source>Clinic &amp;name</source>
        <translation>诊所名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="190"/>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="191"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="192"/>
        <source>Paper si&amp;ze</source>
        <translation>纸张大小(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="206"/>
        <source>This workstation</source>
        <translation>本工作站</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="208"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="216"/>
        <source>The language applies from the next start.</source>
        <translation>语言设置在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="219"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="227"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="228"/>
        <location filename="../../alsdesk/ui/admin/view.py" line="237"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="230"/>
        <location filename="../../alsdesk/ui/admin/view.py" line="246"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="231"/>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="231"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="231"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="236"/>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="239"/>
        <source>full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="249"/>
        <source>&amp;Add staff member</source>
        <translation>添加工作人员(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="166"/>
        <source>Import / export</source>
        <translation>导入 / 导出</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/view.py" line="240"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
</context>
<context>
    <name>AlsfrsForm</name>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_form.py" line="45"/>
        <source>Assessment date</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_form.py" line="46"/>
        <source>ALSFRS-R taken at this visit</source>
        <translation>本次就诊进行了ALSFRS-R评估</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_form.py" line="49"/>
        <source>5a: no gastrostomy</source>
        <translation>5a：未行胃造瘘</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_form.py" line="50"/>
        <source>5b: gastrostomy in use</source>
        <translation>5b：已使用胃造瘘</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_form.py" line="56"/>
        <source>ALSFRS-R items (4 = normal … 0); type the score to choose</source>
        <translation>ALSFRS-R条目（4 = 正常 … 0）；输入分数即可选择</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_form.py" line="71"/>
        <source>Item 5 form</source>
        <translation>第5项类型</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_form.py" line="78"/>
        <source>Respiratory function and weight (leave blank if not measured)</source>
        <translation>呼吸功能与体重（未测量则留空）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_form.py" line="90"/>
        <location filename="../../alsdesk/ui/chart/alsfrs_form.py" line="91"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_form.py" line="95"/>
        <source>Live total and stages</source>
        <translation>实时总分与分期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_form.py" line="97"/>
        <source>Assessed on</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_form.py" line="119"/>
        <source>choose 4 … 0</source>
        <translation>选择 4 … 0</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_form.py" line="171"/>
        <source>Measurements only (no ALSFRS-R)</source>
        <translation>仅测量（无ALSFRS-R）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_form.py" line="174"/>
        <source>ALSFRS-R: {0} of 12 items still to answer</source>
        <translation>ALSFRS-R：12项中还有{0}项未填</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_form.py" line="178"/>
        <source>ALSFRS-R total {0}/48 · bulbar {1}, fine motor {2}, gross motor {3}, respiratory {4} · King&apos;s {5} · MiToS {6}</source>
        <translation>ALSFRS-R总分 {0}/48 · 延髓 {1}，精细运动 {2}，粗大运动 {3}，呼吸 {4} · King&apos;s分期 {5} · MiToS分期 {6}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_form.py" line="192"/>
        <source> · ΔFS {0:.2f}/month ({1})</source>
        <translation> · ΔFS {0:.2f}/月（{1}）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_form.py" line="91"/>
        <source>Respiratory symptoms (NICE NG42)</source>
        <translation>呼吸症状（NICE NG42）</translation>
    </message>
</context>
<context>
    <name>AssessmentsTab</name>
    <message>
        <location filename="../../alsdesk/ui/chart/assessments.py" line="77"/>
        <source>Your role can read assessments but not enter them: a clinician records new visits.</source>
        <translation>您的角色可以查看评估，但不能录入：新的就诊评估由临床医生录入。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/assessments.py" line="42"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/assessments.py" line="43"/>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/assessments.py" line="44"/>
        <source>B/FM/GM/R</source>
        <translation>延/精/粗/呼</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/assessments.py" line="45"/>
        <source>King&apos;s</source>
        <translation>King&apos;s</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/assessments.py" line="46"/>
        <source>MiToS</source>
        <translation>MiToS</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/assessments.py" line="47"/>
        <source>ΔFS</source>
        <translation>ΔFS</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/assessments.py" line="48"/>
        <source>FVC %</source>
        <translation>FVC %</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/assessments.py" line="49"/>
        <source>SNIP</source>
        <translation>SNIP</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/assessments.py" line="50"/>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/assessments.py" line="51"/>
        <source>Weight kg</source>
        <translation>体重 kg</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/assessments.py" line="55"/>
        <source>Assessments</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/assessments.py" line="57"/>
        <location filename="../../alsdesk/ui/chart/assessments.py" line="132"/>
        <source>&amp;Save assessment</source>
        <translation>保存评估(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/assessments.py" line="59"/>
        <source>Save assessment</source>
        <translation>保存评估</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/assessments.py" line="65"/>
        <location filename="../../alsdesk/ui/chart/assessments.py" line="133"/>
        <source>C&amp;lear form</source>
        <translation>清空表单(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/assessments.py" line="68"/>
        <source>Double-click a visit to correct it</source>
        <translation>双击某次就诊记录以更正</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/assessments.py" line="126"/>
        <source>&amp;Save correction</source>
        <translation>保存更正(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/assessments.py" line="127"/>
        <source>C&amp;ancel correction</source>
        <translation>取消更正(&amp;A)</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_model.py" line="34"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_model.py" line="35"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_model.py" line="36"/>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_model.py" line="37"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_model.py" line="38"/>
        <source>Data</source>
        <translation>数据类别</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_model.py" line="39"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_model.py" line="40"/>
        <source>Patient (MRN)</source>
        <translation>患者（病历号）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_model.py" line="41"/>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_model.py" line="43"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="87"/>
        <source>E&amp;mergency access only</source>
        <translation>仅紧急访问(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="88"/>
        <source>Only break-glass entries: records opened outside the care team</source>
        <translation>仅显示紧急访问记录：在诊疗团队以外打开的病历</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="64"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="68"/>
        <source>patient MRN</source>
        <translation>患者病历号</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="69"/>
        <source>Patient MRN</source>
        <translation>患者病历号</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="74"/>
        <source>Staff user name</source>
        <translation>工作人员用户名</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="77"/>
        <source>any staff</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="79"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="80"/>
        <source>any action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="82"/>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="85"/>
        <source>any date</source>
        <translation>任意日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="83"/>
        <source>From date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="86"/>
        <source>To date (inclusive)</source>
        <translation>截止日期（含当天）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="90"/>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="92"/>
        <source>C&amp;lear filters</source>
        <translation>清除筛选(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="97"/>
        <source>Patient:</source>
        <translation>患者：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="98"/>
        <source>Staff:</source>
        <translation>人员：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="99"/>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="100"/>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="101"/>
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="113"/>
        <source>◀ &amp;Previous page</source>
        <translation>◀ 上一页(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="115"/>
        <source>&amp;Next page ▶</source>
        <translation>下一页(&amp;N) ▶</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="118"/>
        <source>&amp;Verify chain</source>
        <translation>校验链(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="119"/>
        <source>Check that no entry was altered, deleted, inserted or reordered</source>
        <translation>检查是否有记录被修改、删除、插入或调换顺序</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="121"/>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="122"/>
        <source>Save every entry that matches the filters as a CSV file</source>
        <translation>将符合筛选条件的全部记录保存为 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="207"/>
        <source>Entries {0}–{1} of {2}</source>
        <translation>第 {0}–{1} 条，共 {2} 条</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="222"/>
        <source>Checking the audit chain…</source>
        <translation>正在校验审计链…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="234"/>
        <source>The audit trail is intact: all {0} entries check out.</source>
        <translation>审计日志完整：全部 {0} 条记录校验通过。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="239"/>
        <source>The audit trail has been tampered with: {0}. Tell the clinic&apos;s data protection officer.</source>
        <translation>审计日志已被篡改：{0}。请告知门诊的数据保护负责人。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="250"/>
        <source>Export audit trail</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="250"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="259"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/audit_view.py" line="266"/>
        <source>Exported {0} entries to {1}.</source>
        <translation>已将 {0} 条记录导出到 {1}。</translation>
    </message>
</context>
<context>
    <name>BatchBuilder</name>
    <message>
        <location filename="../../alsdesk/ui/printing/batch.py" line="23"/>
        <source>Preparing handouts and checklists for {0}…</source>
        <translation>正在准备 {0} 的家属须知和打卡表…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/batch.py" line="26"/>
        <source>Family papers</source>
        <translation>家属资料</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/batch.py" line="33"/>
        <source>Stopping after the current patient…</source>
        <translation>处理完当前患者后停止…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/batch.py" line="54"/>
        <source>Putting the pages together…</source>
        <translation>正在合并页面…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/batch.py" line="55"/>
        <source>Preparing papers for patient {0} of {1}…</source>
        <translation>正在准备第 {0} 位患者的资料（共 {1} 位）…</translation>
    </message>
</context>
<context>
    <name>BreakGlassDialog</name>
    <message>
        <location filename="../../alsdesk/ui/chart/break_glass_dialog.py" line="26"/>
        <source>Emergency access</source>
        <translation>紧急访问</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/break_glass_dialog.py" line="29"/>
        <source>This record ({0}) is restricted to its care team. Open it only if a patient&apos;s care needs it now. Your name, the time and your reason are written to the audit trail and reviewed by the clinic&apos;s administrators.</source>
        <translation>此病历（{0}）仅限其诊疗团队访问。仅在患者当前的诊疗确有需要时才打开。您的姓名、时间和理由将写入审计日志，并由诊所管理员审查。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/break_glass_dialog.py" line="32"/>
        <source>restricted</source>
        <translation>受限</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/break_glass_dialog.py" line="36"/>
        <source>Reason for emergency access</source>
        <translation>紧急访问理由</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/break_glass_dialog.py" line="37"/>
        <source>Why do you need this record now? (required)</source>
        <translation>为什么现在需要此病历？（必填）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/break_glass_dialog.py" line="43"/>
        <source>&amp;Open with emergency access</source>
        <translation>紧急访问并打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/break_glass_dialog.py" line="49"/>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>CancellableProgress</name>
    <message>
        <location filename="../../alsdesk/ui/widgets/progress.py" line="27"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/widgets/progress.py" line="46"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
<context>
    <name>CareTeamDialog</name>
    <message>
        <location filename="../../alsdesk/ui/chart/care_team_dialog.py" line="44"/>
        <source>Restricted record and care team</source>
        <translation>受限病历与诊疗团队</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/care_team_dialog.py" line="45"/>
        <source>&amp;Restricted record: only administrators and the care team may open it</source>
        <translation>受限病历(&amp;R)：仅管理员和诊疗团队可以打开</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/care_team_dialog.py" line="48"/>
        <source>A clinician outside the care team can still take emergency access, giving a reason; each time is flagged in the audit trail.</source>
        <translation>诊疗团队以外的医生仍可在说明理由后进行紧急访问；每次访问都会在审计日志中标记。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/care_team_dialog.py" line="54"/>
        <source>Care team</source>
        <translation>诊疗团队</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/care_team_dialog.py" line="64"/>
        <source>Care &amp;team:</source>
        <translation>诊疗团队(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/care_team_dialog.py" line="82"/>
        <source>{0} ({1}, {2})</source>
        <translation>{0}（{1}，{2}）</translation>
    </message>
</context>
<context>
    <name>CatalogDialog</name>
    <message>
        <location filename="../../alsdesk/ui/admin/catalog_dialog.py" line="117"/>
        <source>Discard changes?</source>
        <translation>放弃更改？</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/catalog_dialog.py" line="118"/>
        <source>Close without saving what you typed?</source>
        <translation>不保存已输入的内容就关闭吗？</translation>
    </message>
</context>
<context>
    <name>ChartHeader</name>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="130"/>
        <source>Restricted</source>
        <translation>受限</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="132"/>
        <source>Restricted record: only administrators and the care team may open it</source>
        <translation>受限病历：仅管理员和诊疗团队可以打开</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="32"/>
        <source>Onset</source>
        <translation>起病</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="33"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="34"/>
        <source>ALSFRS-R</source>
        <translation>ALSFRS-R</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="35"/>
        <source>ΔFS</source>
        <translation>ΔFS</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="36"/>
        <source>King&apos;s stage</source>
        <translation>King&apos;s分期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="37"/>
        <source>MiToS stage</source>
        <translation>MiToS分期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="38"/>
        <source>FVC</source>
        <translation>FVC</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="39"/>
        <source>Weight change</source>
        <translation>体重变化</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="57"/>
        <source>&amp;Edit details…</source>
        <translation>编辑资料(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="58"/>
        <source>Edit patient details and diagnosis</source>
        <translation>编辑患者资料与诊断</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="60"/>
        <source>&amp;Findings…</source>
        <translation>体征与检查所见(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="61"/>
        <source>UMN/LMN/EMG findings per region and the Gold Coast criteria</source>
        <translation>各区域UMN/LMN/肌电图所见及Gold Coast标准</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="76"/>
        <source>{0} y, {1} · MRN {2} · {3}</source>
        <translation>{0}岁，{1} · 病历号 {2} · {3}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="77"/>
        <source>{0} y, {1} · MRN {2} · died {3}</source>
        <translation>{0}岁，{1} · 病历号 {2} · {3} 去世</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="111"/>
        <source>{0} (died {1})</source>
        <translation>{0}（{1} 去世）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="82"/>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="84"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="86"/>
        <source>no El Escorial category</source>
        <translation>无El Escorial分级</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="88"/>
        <source>, Gold Coast met</source>
        <translation>，符合Gold Coast标准</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="88"/>
        <source>, Gold Coast not met</source>
        <translation>，不符合Gold Coast标准</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="93"/>
        <source>{0}/48 on {1}</source>
        <translation>{0}/48（{1}）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="95"/>
        <source>{0:.2f}/month ({1})</source>
        <translation>{0:.2f}/月（{1}）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="105"/>
        <source>{0:.0f}% on {1}</source>
        <translation>{0:.0f}%（{1}）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="107"/>
        <source>{0:+.1f}% since diagnosis</source>
        <translation>确诊以来 {0:+.1f}%</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="121"/>
        <source>Open alerts: {0}</source>
        <translation>未处理提醒：{0}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="125"/>
        <source>Investigational</source>
        <translation>研究性</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="137"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="35"/>
        <source>ΔFS at diagnosis</source>
        <translation>确诊时 ΔFS</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="36"/>
        <source>Latest slope</source>
        <translation>最近斜率</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="95"/>
        <source>{0:.2f}/month ({1}) on {2}</source>
        <translation>每月 {0:.2f} 分（{1}），评估日期 {2}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="98"/>
        <source>none within 30 days</source>
        <translation>确诊前后 30 天内无评估</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/header.py" line="102"/>
        <source>{0:.2f}/month lost ({1} → {2})</source>
        <translation>每月下降 {0:.2f} 分（{1} → {2}）</translation>
    </message>
</context>
<context>
    <name>ChartTab</name>
    <message>
        <location filename="../../alsdesk/ui/chart/tab.py" line="82"/>
        <source>The chart has been reloaded with the other workstation&apos;s change.</source>
        <translation>病历已重新加载，包含其他工作站的修改。</translation>
    </message>
</context>
<context>
    <name>ChartWindow</name>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="68"/>
        <source>Care team…</source>
        <translation>诊疗团队…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="69"/>
        <source>Restrict this record and choose its care team</source>
        <translation>限制此病历并选择其诊疗团队</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="130"/>
        <source>Restricted record</source>
        <translation>受限病历</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="134"/>
        <source>&amp;Emergency access…</source>
        <translation>紧急访问(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="148"/>
        <source>Restricted record · MRN {0} · alsdesk</source>
        <translation>受限病历 · 病历号 {0} · alsdesk</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="149"/>
        <source>Only its care team and the clinic&apos;s administrators may open this record ({0}).</source>
        <translation>只有该患者的诊疗团队和本诊所管理员可以打开此病历（{0}）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="153"/>
        <source>In an emergency you may open it, giving a reason; this is audited.</source>
        <translation>紧急情况下可在说明理由后打开；此操作会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="56"/>
        <source>Chart</source>
        <translation>病历</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="80"/>
        <source>Chart sections</source>
        <translation>病历分区</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="85"/>
        <source>&amp;Overview</source>
        <translation>概览(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="86"/>
        <source>&amp;Workup</source>
        <translation>检查(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="87"/>
        <source>&amp;Assessments</source>
        <translation>评估(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="88"/>
        <source>&amp;Therapies &amp;&amp; medications</source>
        <translation>治疗与用药(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="89"/>
        <source>&amp;Referrals</source>
        <translation>转诊(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="90"/>
        <source>Care &amp;programs</source>
        <translation>护理计划(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="91"/>
        <source>&amp;Notes</source>
        <translation>记录(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="114"/>
        <source>Close chart</source>
        <translation>关闭病历</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="118"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="232"/>
        <source>{0} · MRN {1} · alsdesk</source>
        <translation>{0} · 病历号 {1} · alsdesk</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="282"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="283"/>
        <source>Close this chart and lose what was typed in: {0}?</source>
        <translation>关闭此病历并丢弃已输入的内容：{0}？</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/window.py" line="108"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../alsdesk/ui/chart/conflict_dialog.py" line="36"/>
        <source>Changed on another workstation</source>
        <translation>已在另一台工作站上修改</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/conflict_dialog.py" line="15"/>
        <source>This record was changed on another workstation after you opened it; nothing was saved.</source>
        <translation>您打开此记录后，它已在另一台工作站上被修改；您的修改未保存。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/texts.py" line="173"/>
        <source>{0} changed {1} at {2}</source>
        <translation>{0} 于 {2} 修改了：{1}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/texts.py" line="175"/>
        <source>it</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/conflict_dialog.py" line="40"/>
        <source>&amp;Reload</source>
        <translation>重新载入(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/conflict_dialog.py" line="41"/>
        <source>&amp;Keep my entries</source>
        <translation>保留我的输入(&amp;K)</translation>
    </message>
</context>
<context>
    <name>Curtain</name>
    <message>
        <location filename="../../alsdesk/ui/signin/lock_screen.py" line="64"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../alsdesk/ui/widgets/dates.py" line="151"/>
        <source>Calendar (Alt+Down)</source>
        <translation>日历（Alt+↓）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/widgets/dates.py" line="162"/>
        <source>YYYY-MM-DD or DD/MM/YYYY</source>
        <translation>如 1967-03-15 或 1967/3/15</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/widgets/dates.py" line="166"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/widgets/dates.py" line="178"/>
        <source>{0} is required.</source>
        <translation>{0}为必填项。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/widgets/dates.py" line="184"/>
        <source>{0}: write the year with four digits (1967, not 67).</source>
        <translation>{0}：年份请写四位数（1967，而不是 67）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/widgets/dates.py" line="186"/>
        <source>{0}: {1} is not a day of the calendar.</source>
        <translation>{0}：{1} 不是日历上存在的日期。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/widgets/dates.py" line="187"/>
        <source>{0}: “{1}” is not a date. Type it as {2}.</source>
        <translation>{0}：“{1}”不是日期。请按格式输入（{2}）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/widgets/dates.py" line="315"/>
        <source>Check the birth date</source>
        <translation>请核对出生日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/widgets/dates.py" line="316"/>
        <source>{0} {1} makes the patient {2} years old. Save it anyway?</source>
        <translation>{0} {1} 表示患者已 {2} 岁。仍要保存吗？</translation>
    </message>
</context>
<context>
    <name>DayPicker</name>
    <message>
        <location filename="../../alsdesk/ui/widgets/day_picker.py" line="26"/>
        <source>Day shown</source>
        <translation>显示的日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/widgets/day_picker.py" line="29"/>
        <source>Previous day</source>
        <translation>前一天</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/widgets/day_picker.py" line="30"/>
        <source>Previous day (Alt+Left)</source>
        <translation>前一天 (Alt+Left)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/widgets/day_picker.py" line="35"/>
        <source>Next day</source>
        <translation>后一天</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/widgets/day_picker.py" line="36"/>
        <source>Next day (Alt+Right)</source>
        <translation>后一天 (Alt+Right)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/widgets/day_picker.py" line="39"/>
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/widgets/day_picker.py" line="40"/>
        <source>Show today, and follow the date past midnight</source>
        <translation>显示今天；过了午夜自动换到新的一天</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/widgets/day_picker.py" line="42"/>
        <source>Da&amp;y:</source>
        <translation>日期(&amp;Y)：</translation>
    </message>
</context>
<context>
    <name>DemoLoader</name>
    <message>
        <location filename="../../alsdesk/ui/first_run.py" line="39"/>
        <source>Creating demo patients…</source>
        <translation>正在创建演示患者…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/first_run.py" line="39"/>
        <source>Demo clinic</source>
        <translation>演示诊所</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/first_run.py" line="64"/>
        <source>Loading the demo clinic was cancelled; nothing was saved.</source>
        <translation>已取消加载演示诊所；未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/first_run.py" line="58"/>
        <source>Demo clinic loaded: {0} patients, {1} records.</source>
        <translation>演示诊所已加载：{0}名患者，{1}条记录。</translation>
    </message>
</context>
<context>
    <name>DrugDialog</name>
    <message>
        <location filename="../../alsdesk/ui/admin/drug_dialog.py" line="47"/>
        <source>Fixed once saved: prescriptions refer to the drug by its code.</source>
        <translation>保存后不可更改：处方通过代码引用该药物。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/drug_dialog.py" line="26"/>
        <source>Edit drug</source>
        <translation>编辑药物</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/drug_dialog.py" line="26"/>
        <source>Add drug</source>
        <translation>添加药物</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/drug_dialog.py" line="28"/>
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/drug_dialog.py" line="29"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/drug_dialog.py" line="30"/>
        <source>C&amp;hinese name</source>
        <translation>中文名(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/drug_dialog.py" line="31"/>
        <source>&amp;Purpose</source>
        <translation>用途(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/drug_dialog.py" line="32"/>
        <source>Chinese p&amp;urpose</source>
        <translation>中文用途(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/drug_dialog.py" line="33"/>
        <source>&amp;Default dose</source>
        <translation>默认剂量(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/drug_dialog.py" line="34"/>
        <source>Chinese default d&amp;ose</source>
        <translation>中文默认剂量(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/drug_dialog.py" line="35"/>
        <source>&amp;Facts</source>
        <translation>要点(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/drug_dialog.py" line="36"/>
        <source>Chinese fac&amp;ts</source>
        <translation>中文要点(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/drug_dialog.py" line="53"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/drug_dialog.py" line="58"/>
        <source>&amp;Approval status</source>
        <translation>批准状态(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/drug_dialog.py" line="61"/>
        <source>Required &amp;genetics</source>
        <translation>所需基因型(&amp;G)</translation>
    </message>
</context>
<context>
    <name>EditPatientDialog</name>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="50"/>
        <source>Edit {0}</source>
        <translation>编辑 {0}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="52"/>
        <source>&amp;MRN</source>
        <translation>病历号(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="53"/>
        <source>&amp;Family name</source>
        <translation>姓(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="54"/>
        <source>&amp;Given name</source>
        <translation>名(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="55"/>
        <source>&amp;Chinese name</source>
        <translation>中文姓名(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="56"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="57"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="58"/>
        <source>Caregiver</source>
        <translation>照护者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="59"/>
        <source>Caregiver phone</source>
        <translation>照护者电话</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="75"/>
        <source>Awaji EMG rules applied</source>
        <translation>采用Awaji肌电图标准</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="80"/>
        <source>&amp;Sex</source>
        <translation>性别(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="81"/>
        <source>&amp;Birth date</source>
        <translation>出生日期(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="82"/>
        <source>S&amp;tatus</source>
        <translation>状态(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="83"/>
        <source>Symptom &amp;onset</source>
        <translation>起病日期(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="84"/>
        <source>Onset &amp;region</source>
        <translation>起病部位(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="85"/>
        <source>&amp;Diagnosis date</source>
        <translation>诊断日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="86"/>
        <source>&amp;El Escorial category</source>
        <translation>El Escorial分级(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="88"/>
        <source>Ge&amp;netics</source>
        <translation>基因检测(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="89"/>
        <source>Date of death</source>
        <translation>死亡日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="102"/>
        <source>Restore from archive</source>
        <translation>从归档中恢复</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="102"/>
        <source>Archive patient…</source>
        <translation>归档患者…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="161"/>
        <source>Archive patient</source>
        <translation>归档患者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="162"/>
        <source>Archive {0}? They leave the patient list and the worklist; nothing is deleted.</source>
        <translation>归档{0}？该患者将从患者列表和工作清单中移除；不会删除任何数据。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="217"/>
        <source>Reloaded: this is the record as saved now.</source>
        <translation>已重新载入：这是目前已保存的记录。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/edit_patient_dialog.py" line="77"/>
        <source>Known &amp;lung disease (lowers the SpO2 line for a blood gas)</source>
        <translation>已知肺部疾病(&amp;L)（降低需查血气的 SpO2 阈值）</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="133"/>
        <source>&amp;Import patients…</source>
        <translation>导入患者(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="130"/>
        <source>E&amp;xport all patients…</source>
        <translation>导出全部患者(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="157"/>
        <source>Adds the patients of an alsdesk export file (plain or passphrase-sealed). The whole file is checked first: if any field is wrong, or you cancel, nothing is imported.</source>
        <translation>添加 alsdesk 导出文件（普通或以口令加密）中的患者。会先检查整个文件：任何字段有误或您取消时，不导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="144"/>
        <source>Writes every patient with all their records to one file in the alsdesk export format; each exported patient is recorded in the audit trail. Passphrase-sealed exports are made with the command line.</source>
        <translation>将所有患者及其全部记录写入一个 alsdesk 导出格式的文件；每位导出的患者都会记入审计日志。以口令加密的导出请使用命令行。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="269"/>
        <source>Cancelled; nothing was written or imported.</source>
        <translation>已取消；未写入或导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="217"/>
        <source>Checking and importing {0}…</source>
        <translation>正在检查并导入 {0}…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="77"/>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="141"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="131"/>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="181"/>
        <source>Export all patients</source>
        <translation>导出全部患者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="96"/>
        <source>Exported {0} patient(s) to {1}.</source>
        <translation>已将 {0} 位患者导出到 {1}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="76"/>
        <source>Exporting patients…</source>
        <translation>正在导出患者…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="154"/>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="217"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="138"/>
        <source>Import and export result</source>
        <translation>导入与导出结果</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="134"/>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="197"/>
        <source>Import patients</source>
        <translation>导入患者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="223"/>
        <source>Imported {0} patient(s) with {1} records and {2} new staff.</source>
        <translation>已导入 {0} 位患者，共 {1} 条记录，新增工作人员 {2} 名。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="212"/>
        <source>Passphrase for {0}:</source>
        <translation>{0} 的口令：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="211"/>
        <source>Sealed file</source>
        <translation>加密文件</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="199"/>
        <source>alsdesk export (*.json *.sealed *.alsdesk);;All files (*)</source>
        <translation>alsdesk 导出文件 (*.json *.sealed *.alsdesk);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="181"/>
        <source>alsdesk export (*.json)</source>
        <translation>alsdesk 导出文件 (*.json)</translation>
    </message>
</context>
<context>
    <name>FindingsDialog</name>
    <message>
        <location filename="../../alsdesk/ui/chart/findings_dialog.py" line="48"/>
        <source>Examination findings and Gold Coast criteria</source>
        <translation>查体所见与Gold Coast标准</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/findings_dialog.py" line="52"/>
        <source>UMN signs</source>
        <translation>UMN体征</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/findings_dialog.py" line="52"/>
        <source>LMN signs</source>
        <translation>LMN体征</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/findings_dialog.py" line="52"/>
        <source>LMN on EMG</source>
        <translation>肌电图LMN损害</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/findings_dialog.py" line="65"/>
        <source>Progressive motor impairment after normal function</source>
        <translation>正常功能后出现进行性运动障碍</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/findings_dialog.py" line="66"/>
        <source>Investigations have excluded other diseases</source>
        <translation>检查已排除其他疾病</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/findings_dialog.py" line="50"/>
        <location filename="../../alsdesk/ui/chart/findings_dialog.py" line="78"/>
        <source>Examined on</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/findings_dialog.py" line="102"/>
        <source>Gold Coast criteria: met</source>
        <translation>Gold Coast标准：符合</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/findings_dialog.py" line="102"/>
        <source>Gold Coast criteria: not met</source>
        <translation>Gold Coast标准：不符合</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../alsdesk/ui/signin/first_admin_dialog.py" line="69"/>
        <source>&amp;Encrypt this database (staff passwords unlock it; keep them safe)</source>
        <translation>加密此数据库（由工作人员密码解锁，请妥善保管密码）(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/first_admin_dialog.py" line="72"/>
        <source>The file is encrypted with a random key that each staff password unlocks. If every password is lost, the records cannot be recovered.</source>
        <translation>数据库文件使用随机密钥加密，每位工作人员的密码均可解锁该密钥。如果所有密码都丢失，记录将无法恢复。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/first_admin_dialog.py" line="35"/>
        <source>Welcome to alsdesk: create the administrator</source>
        <translation>欢迎使用 alsdesk：创建管理员</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/first_admin_dialog.py" line="38"/>
        <source>This database has no staff accounts yet. Create the first administrator: this account adds the other staff, sets up the clinic, and can read the audit trail. Choose a password of at least {0} characters and keep it safe.</source>
        <translation>此数据库尚无工作人员账户。请创建第一个管理员：该账户可添加其他工作人员、设置门诊信息并查看审计日志。请设置至少 {0} 个字符的密码并妥善保管。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/first_admin_dialog.py" line="54"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/first_admin_dialog.py" line="56"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/first_admin_dialog.py" line="58"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/first_admin_dialog.py" line="61"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/first_admin_dialog.py" line="64"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/first_admin_dialog.py" line="65"/>
        <source>Full &amp;name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/first_admin_dialog.py" line="66"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/first_admin_dialog.py" line="67"/>
        <source>Password &amp;again</source>
        <translation>再次输入密码(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/first_admin_dialog.py" line="81"/>
        <source>&amp;Create and sign in</source>
        <translation>创建并登录(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/first_admin_dialog.py" line="97"/>
        <source>The two passwords differ; type the same password twice.</source>
        <translation>两次输入的密码不一致，请输入相同的密码。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/first_admin_dialog.py" line="47"/>
        <source>Creating the clinic database file {0}</source>
        <translation>正在创建诊所数据库文件 {0}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/first_admin_dialog.py" line="49"/>
        <source>Setting up the clinic database {0}</source>
        <translation>正在设置诊所数据库 {0}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../alsdesk/ui/first_run.py" line="75"/>
        <source>Welcome to alsdesk</source>
        <translation>欢迎使用alsdesk</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/first_run.py" line="78"/>
        <source>This database has no clinic profile yet. Enter your clinic&apos;s details; they appear on letters and printed sheets. You can change them later under Administration.</source>
        <translation>此数据库尚无诊所信息。请填写诊所资料，它们将显示在信函和打印单上。之后可在“管理”中修改。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/first_run.py" line="84"/>
        <source>Clinic name</source>
        <translation>诊所名称</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/first_run.py" line="88"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/first_run.py" line="89"/>
        <source>US Letter</source>
        <translation>美国信纸</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/first_run.py" line="91"/>
        <source>Fill this empty database with a demo clinic (synthetic patients) to try alsdesk</source>
        <translation>在此空数据库中填入演示诊所（虚拟患者）以试用alsdesk</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/first_run.py" line="96"/>
        <source> patients</source>
        <translation> 名患者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/first_run.py" line="102"/>
        <source>Clinic &amp;name</source>
        <translation>诊所名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/first_run.py" line="103"/>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/first_run.py" line="104"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/first_run.py" line="105"/>
        <source>Paper &amp;size</source>
        <translation>纸张大小(&amp;S)</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../alsdesk/ui/chart/lifecycle.py" line="57"/>
        <source>History: {0}</source>
        <translation>历史记录：{0}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/lifecycle.py" line="61"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/lifecycle.py" line="61"/>
        <source>From</source>
        <translation>原状态</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/lifecycle.py" line="61"/>
        <source>To</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/lifecycle.py" line="61"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/lifecycle.py" line="61"/>
        <source>Reason for a revert</source>
        <translation>撤回原因</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/lifecycle.py" line="63"/>
        <source>Status history</source>
        <translation>状态历史</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/lifecycle.py" line="71"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/lifecycle.py" line="72"/>
        <source>Why the last step was a mistake</source>
        <translation>为什么上一步是误操作</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/lifecycle.py" line="74"/>
        <source>&amp;Revert last step</source>
        <translation>撤回上一步(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/lifecycle.py" line="76"/>
        <source>Reaso&amp;n:</source>
        <translation>原因(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/lifecycle.py" line="119"/>
        <source>The last step cannot be reverted.</source>
        <translation>上一步不能撤回。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/lifecycle.py" line="121"/>
        <source>A clinician can revert the last step.</source>
        <translation>临床医生可以撤回上一步。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/lifecycle.py" line="124"/>
        <source>Revert the last step: from {0} back to {1}. The step stays in the history.</source>
        <translation>撤回上一步：从“{0}”恢复为“{1}”。该步骤仍保留在历史记录中。</translation>
    </message>
</context>
<context>
    <name>LifecycleSteps</name>
    <message>
        <location filename="../../alsdesk/ui/chart/lifecycle.py" line="38"/>
        <source>Keep it as it is</source>
        <translation>保持不变</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/lifecycle.py" line="158"/>
        <source>Histor&amp;y…</source>
        <translation>历史记录(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/lifecycle.py" line="160"/>
        <source>Status changes of the selected row; a clinician can revert a mistaken last step</source>
        <translation>所选行的状态变更；临床医生可以撤回误操作的上一步</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../alsdesk/ui/signin/lock_screen.py" line="84"/>
        <location filename="../../alsdesk/ui/signin/lock_screen.py" line="95"/>
        <source>alsdesk is locked</source>
        <translation>alsdesk 已锁定</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/lock_screen.py" line="101"/>
        <source>S&amp;witch user</source>
        <translation>切换用户(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/lock_screen.py" line="103"/>
        <source>Sign in as someone else; the locked user&apos;s open charts stay hidden until they return</source>
        <translation>以其他用户登录；被锁定用户打开的病历将保持隐藏，直到其返回</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/lock_screen.py" line="128"/>
        <source>Locked after a period without use. {0}, enter your password to continue.</source>
        <translation>因一段时间未操作已锁定。{0}，请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/lock_screen.py" line="130"/>
        <source>Locked by {0}. Enter the password to continue, or switch user.</source>
        <translation>已由 {0} 锁定。请输入密码继续，或切换用户。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/lock_screen.py" line="135"/>
        <source>Signed out. Sign in to continue.</source>
        <translation>已退出登录。请登录后继续。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/lock_screen.py" line="108"/>
        <source>&amp;Quit alsdesk</source>
        <translation>退出 alsdesk(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/lock_screen.py" line="109"/>
        <source>Close alsdesk without signing in; entries not saved are discarded</source>
        <translation>不登录即关闭 alsdesk；未保存的输入将被丢弃</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="64"/>
        <source>alsdesk: ALS clinic</source>
        <translation>alsdesk：ALS门诊</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="67"/>
        <source>Worklist</source>
        <translation>工作清单</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="68"/>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="69"/>
        <source>Schedule</source>
        <translation>日程</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="70"/>
        <source>Care programs</source>
        <translation>护理计划</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="71"/>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="72"/>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="75"/>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="212"/>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="224"/>
        <source>Signed-in staff member</source>
        <translation>当前登录的工作人员</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="225"/>
        <location filename="../../alsdesk/ui/main_window.py" line="277"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="226"/>
        <source>Hide patient data until you sign in again (Ctrl+L)</source>
        <translation>隐藏患者数据，直到再次登录 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="228"/>
        <source>Sign out / switch user</source>
        <translation>退出登录 / 切换用户</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="259"/>
        <source>Not signed in (no staff accounts yet)</source>
        <translation>未登录（尚无工作人员账户）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="261"/>
        <source>Signed in: {0} ({1})</source>
        <translation>已登录：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="240"/>
        <source>Last backup: managed by the server</source>
        <translation>上次备份：由服务器管理</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="244"/>
        <source>Last backup: none yet</source>
        <translation>上次备份：尚无</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="246"/>
        <source>Last backup: {0}</source>
        <translation>上次备份：{0}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="273"/>
        <source>Find patient</source>
        <translation>查找患者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="281"/>
        <source>New patient</source>
        <translation>新建患者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="214"/>
        <source>Database: {0} (SSL: {1})</source>
        <translation>数据库：{0}（SSL：{1}）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="218"/>
        <source>The server&apos;s certificate and name are not checked (sslmode {0}); ask your IT support to set sslmode=verify-full.</source>
        <translation>服务器的证书和名称未经核验（sslmode {0}）；请IT人员设置 sslmode=verify-full。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="93"/>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="94"/>
        <source>Today&apos;s first backup is being taken; you can work meanwhile.</source>
        <translation>正在进行今天的首次备份；您可以同时继续工作。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/main_window.py" line="250"/>
        <source>Backup failed: see the tooltip</source>
        <translation>备份失败：详见提示</translation>
    </message>
</context>
<context>
    <name>NewPatientDialog</name>
    <message>
        <location filename="../../alsdesk/ui/patients/new_patient_dialog.py" line="80"/>
        <source>Known &amp;lung disease (lowers the SpO2 line for a blood gas)</source>
        <translation>已知肺部疾病(&amp;L)（降低需查血气的 SpO2 阈值）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/new_patient_dialog.py" line="38"/>
        <source>New patient</source>
        <translation>新建患者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/new_patient_dialog.py" line="58"/>
        <source>&amp;MRN</source>
        <translation>病历号(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/new_patient_dialog.py" line="59"/>
        <source>&amp;Family name</source>
        <translation>姓(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/new_patient_dialog.py" line="60"/>
        <source>&amp;Given name</source>
        <translation>名(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/new_patient_dialog.py" line="61"/>
        <source>&amp;Chinese name</source>
        <translation>中文姓名(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/new_patient_dialog.py" line="62"/>
        <source>&amp;Sex</source>
        <translation>性别(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/new_patient_dialog.py" line="63"/>
        <source>&amp;Birth date</source>
        <translation>出生日期(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/new_patient_dialog.py" line="64"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/new_patient_dialog.py" line="65"/>
        <source>S&amp;tatus</source>
        <translation>状态(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/new_patient_dialog.py" line="66"/>
        <source>Symptom &amp;onset</source>
        <translation>起病日期(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/new_patient_dialog.py" line="67"/>
        <source>&amp;Diagnosis date</source>
        <translation>诊断日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/new_patient_dialog.py" line="186"/>
        <source>• {0}, MRN {1}, born {2}, phone {3}</source>
        <translation>• {0}，病历号 {1}，出生 {2}，电话 {3}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/new_patient_dialog.py" line="192"/>
        <source>Possible duplicate: a patient with the same name and birth date, or the same phone, exists:
</source>
        <translation>可能重复：已存在姓名和出生日期相同或电话相同的患者：
</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/new_patient_dialog.py" line="194"/>
        <source>
Check before saving a second record.</source>
        <translation>
保存第二条记录前请核实。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/new_patient_dialog.py" line="203"/>
        <source>Discard new patient?</source>
        <translation>放弃新建患者？</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/new_patient_dialog.py" line="204"/>
        <source>Close without saving this patient?</source>
        <translation>不保存此患者并关闭？</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <location filename="../../alsdesk/ui/chart/notes.py" line="38"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/notes.py" line="39"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/notes.py" line="40"/>
        <location filename="../../alsdesk/ui/chart/notes.py" line="71"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/notes.py" line="41"/>
        <source>By</source>
        <translation>记录者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/notes.py" line="42"/>
        <location filename="../../alsdesk/ui/chart/notes.py" line="72"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/notes.py" line="46"/>
        <source>Notes</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/notes.py" line="50"/>
        <source>Selected note</source>
        <translation>所选记录</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/notes.py" line="56"/>
        <source>required for education and counselling</source>
        <translation>健康教育和咨询时必填</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/notes.py" line="58"/>
        <source>Note text</source>
        <translation>记录内容</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/notes.py" line="60"/>
        <source>A&amp;dd note</source>
        <translation>添加记录(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/notes.py" line="70"/>
        <source>Kind and date</source>
        <translation>类型和日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/notes.py" line="62"/>
        <source>Ctrl+Enter in the text adds the note</source>
        <translation>在正文中按 Ctrl+Enter 即添加记录</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/notes.py" line="64"/>
        <source>Kind of note</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/notes.py" line="65"/>
        <source>Date of the note</source>
        <translation>记录日期</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="110"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="111"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="112"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="116"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="119"/>
        <source>Raised</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="120"/>
        <source>Open alert</source>
        <translation>未处理提醒</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="125"/>
        <source>Open alerts</source>
        <translation>未处理提醒</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="127"/>
        <source>Ac&amp;knowledge…</source>
        <translation>确认处理(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="128"/>
        <source>Record what was done about the selected alert</source>
        <translation>记录对所选提醒采取的措施</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="131"/>
        <source>Open guideline alerts</source>
        <translation>未处理的指南提醒</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="141"/>
        <source>ALSFRS-R</source>
        <translation>ALSFRS-R</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="141"/>
        <source>points</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="142"/>
        <location filename="../../alsdesk/ui/chart/overview.py" line="170"/>
        <source>FVC</source>
        <translation>FVC</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="142"/>
        <source>% predicted</source>
        <translation>% 预计值</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="143"/>
        <location filename="../../alsdesk/ui/chart/overview.py" line="177"/>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="143"/>
        <source>kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="160"/>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="162"/>
        <source>Bulbar</source>
        <translation>延髓</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="163"/>
        <source>Fine motor</source>
        <translation>精细运动</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="164"/>
        <source>Gross motor</source>
        <translation>粗大运动</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="165"/>
        <source>Respiratory</source>
        <translation>呼吸</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="185"/>
        <source>Acknowledge alert</source>
        <translation>确认提醒</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="185"/>
        <source>What was done?
{0}</source>
        <translation>采取了什么措施？
{0}</translation>
    </message>
</context>
<context>
    <name>PatientTableModel</name>
    <message>
        <location filename="../../alsdesk/ui/patients/model.py" line="38"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/model.py" line="39"/>
        <source>MRN</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/model.py" line="40"/>
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/model.py" line="41"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/model.py" line="42"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/model.py" line="43"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/model.py" line="176"/>
        <source>Restricted record</source>
        <translation>受限病历</translation>
    </message>
</context>
<context>
    <name>PatientsView</name>
    <message>
        <location filename="../../alsdesk/ui/patients/view.py" line="46"/>
        <source>Search by name, Chinese name, pinyin initials, MRN or phone (Ctrl+F)</source>
        <translation>按姓名、中文名、拼音首字母、病历号或电话搜索 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/view.py" line="47"/>
        <source>Search patients</source>
        <translation>搜索患者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/view.py" line="54"/>
        <source>&amp;New patient… (Ctrl+N)</source>
        <translation>新建患者(&amp;N)… (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/view.py" line="57"/>
        <source>Include &amp;archived</source>
        <translation>包括已归档(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/view.py" line="61"/>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/view.py" line="102"/>
        <source>{0} patients match “{1}”</source>
        <translation>{0}名患者匹配“{1}”</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/patients/view.py" line="104"/>
        <source>{0} patients</source>
        <translation>{0}名患者</translation>
    </message>
</context>
<context>
    <name>PrintButton</name>
    <message>
        <location filename="../../alsdesk/ui/printing/chart_print.py" line="76"/>
        <location filename="../../alsdesk/ui/printing/chart_print.py" line="152"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/chart_print.py" line="77"/>
        <source>Print a document for this patient</source>
        <translation>为该患者打印文档</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/chart_print.py" line="78"/>
        <source>Print or save a document for this patient (Ctrl+P)</source>
        <translation>为该患者打印或保存文档 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/chart_print.py" line="80"/>
        <source>Patient summary</source>
        <translation>患者病情摘要</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/chart_print.py" line="81"/>
        <source>Family handout</source>
        <translation>家属须知</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/chart_print.py" line="82"/>
        <source>Program checklist sheet</source>
        <translation>护理计划打卡表</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/chart_print.py" line="83"/>
        <source>Referral letter</source>
        <translation>转诊信</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/chart_print.py" line="84"/>
        <source>Visit report</source>
        <translation>就诊报告</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/chart_print.py" line="85"/>
        <source>Blank ALSFRS-R form</source>
        <translation>空白 ALSFRS-R 评分表</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/chart_print.py" line="88"/>
        <source>{0} (selected or only active program)…</source>
        <translation>{0}（所选计划或唯一进行中的计划）…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/chart_print.py" line="89"/>
        <source>{0} (selected or latest referral)…</source>
        <translation>{0}（所选转诊或最近一次转诊）…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/chart_print.py" line="90"/>
        <source>{0} (selected or latest visit)…</source>
        <translation>{0}（所选就诊或最近一次就诊）…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/chart_print.py" line="143"/>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/chart_print.py" line="100"/>
        <source>E&amp;xport this patient…</source>
        <translation>导出此患者(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/chart_print.py" line="117"/>
        <source>Export this patient</source>
        <translation>导出此患者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/chart_print.py" line="117"/>
        <source>alsdesk export (*.json)</source>
        <translation>alsdesk 导出文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/chart_print.py" line="124"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="51"/>
        <source>Print preview: {0}</source>
        <translation>打印预览：{0}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="58"/>
        <source>Document pages</source>
        <translation>文档页面</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="107"/>
        <source>&amp;Large print</source>
        <translation>大字版(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="108"/>
        <source>Set the handout in large type, for a reader with low vision</source>
        <translation>用大号字体排印护理计划，方便视力不佳的读者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="66"/>
        <source>Printing message</source>
        <translation>打印提示</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="82"/>
        <source>◀ Previous</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="86"/>
        <source>Next ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="91"/>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="92"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="93"/>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="102"/>
        <source>Zoom:</source>
        <translation>缩放：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="107"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="110"/>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="112"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="115"/>
        <source>{0} page(s)</source>
        <translation>共 {0} 页</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="141"/>
        <source>Page {0} of {1}</source>
        <translation>第 {0} 页，共 {1} 页</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="165"/>
        <source>No printer is set up on this computer, so nothing was printed. The document is still here: use Save as PDF… to keep it, or ask for a printer to be installed.</source>
        <translation>这台电脑没有安装打印机，因此没有打印任何内容。文档仍在此处：可点“另存为 PDF…”保存，或请人安装打印机。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="183"/>
        <source>Printing was cancelled; nothing was sent to the printer.</source>
        <translation>已取消打印，没有发送任何内容到打印机。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="189"/>
        <source>(unnamed printer)</source>
        <translation>（未命名的打印机）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="195"/>
        <source>Sent {0} page(s) to {1}.</source>
        <translation>已将 {0} 页发送到 {1}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="208"/>
        <source>The printer could not be opened; nothing was printed.</source>
        <translation>无法打开打印机，没有打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="210"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="210"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="219"/>
        <source>Printing was stopped after {0} page(s).</source>
        <translation>打印了 {0} 页后已停止。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="254"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="254"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="257"/>
        <source>Not saved: the save dialog was closed without choosing a file.</source>
        <translation>未保存：保存对话框已关闭，没有选择文件。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="278"/>
        <source>Saved to {0}.</source>
        <translation>已保存到 {0}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/preview.py" line="287"/>
        <source>Printed, but the print log could not be written: {0}</source>
        <translation>已打印，但无法写入打印记录：{0}</translation>
    </message>
</context>
<context>
    <name>PrintingView</name>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="56"/>
        <source>Patient summary</source>
        <translation>患者病情摘要</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="57"/>
        <source>Family handout</source>
        <translation>家属须知</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="58"/>
        <source>Checklist sheet</source>
        <translation>打卡表</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="59"/>
        <source>Referral letter</source>
        <translation>转诊信</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="60"/>
        <source>Visit report</source>
        <translation>就诊报告</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="61"/>
        <source>ALSFRS-R form</source>
        <translation>ALSFRS-R 评分表</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="62"/>
        <location filename="../../alsdesk/ui/printing/view.py" line="84"/>
        <source>Clinic worklist</source>
        <translation>门诊工作清单</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="63"/>
        <source>Day&apos;s handouts and checklists</source>
        <translation>当日家属须知和打卡表</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="86"/>
        <source>Worklist day</source>
        <translation>工作清单日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="87"/>
        <source>Preview &amp;worklist…</source>
        <translation>预览工作清单(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="90"/>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="95"/>
        <source>The day&apos;s work grouped as on the Worklist screen, for the team.</source>
        <translation>当天的工作，按工作清单页面的分组列出，供团队使用。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="100"/>
        <source>Family papers for a clinic day</source>
        <translation>门诊日的家属资料</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="102"/>
        <source>Appointment day</source>
        <translation>预约日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="103"/>
        <source>Prepare &amp;handouts and checklists…</source>
        <translation>准备家属须知和打卡表(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="106"/>
        <source>Appointments on:</source>
        <translation>预约日期：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="114"/>
        <source>Every patient with an appointment that day: the family handout, then a checklist sheet for each active care program, in one print job.</source>
        <translation>当天有预约的每位患者：先是家属须知，再是每个进行中护理计划的打卡表，作为一个打印任务。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="123"/>
        <source>Returned checklist sheets</source>
        <translation>交回的打卡表</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="125"/>
        <source>Scanned checklist code</source>
        <translation>扫描到的打卡表编码</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="126"/>
        <source>Click here, then scan the QR code in the corner of a returned sheet</source>
        <translation>点击此处，然后扫描交回打卡表角上的二维码</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="132"/>
        <source>Sheet code:</source>
        <translation>打卡表编码：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="137"/>
        <source>Print log (most recent first)</source>
        <translation>打印记录（最新在前）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="141"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="142"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="143"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="144"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="145"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="146"/>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="147"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="148"/>
        <source>Printed to</source>
        <translation>输出到</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="152"/>
        <source>Print log</source>
        <translation>打印记录</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="153"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="196"/>
        <source>Clinic worklist {0}</source>
        <translation>{0} 门诊工作清单</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="221"/>
        <source>Preparing the papers for {0} was cancelled; nothing was printed.</source>
        <translation>已取消准备 {0} 的资料，没有打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="223"/>
        <source>{0} pages ready for {1}: check them, then print.</source>
        <translation>{1} 的 {0} 页已准备好：请检查后再打印。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="224"/>
        <source>Handouts and checklists for {0}</source>
        <translation>{0} 的家属须知和打卡表</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="243"/>
        <source>“{0}” is not the code of an alsdesk checklist sheet.</source>
        <translation>“{0}”不是 alsdesk 打卡表的编码。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="255"/>
        <source>Opened the sheet for {0} ({1}).</source>
        <translation>已打开 {0}（{1}）的打卡表。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="270"/>
        <source>Nothing has been printed or saved yet.</source>
        <translation>尚未打印或保存任何文档。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="272"/>
        <source>The latest {0} entries.</source>
        <translation>最近 {0} 条记录。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/printing/view.py" line="274"/>
        <source>{0} entries.</source>
        <translation>共 {0} 条记录。</translation>
    </message>
</context>
<context>
    <name>ProgramGrid</name>
    <message>
        <location filename="../../alsdesk/ui/programs/grid.py" line="124"/>
        <source>Program sheet: items by day</source>
        <translation>计划单：每日项目</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/grid.py" line="132"/>
        <source>{0} is after today: it cannot be ticked yet.</source>
        <translation>{0} 晚于今天：还不能打勾。</translation>
    </message>
</context>
<context>
    <name>ProgramGridModel</name>
    <message>
        <location filename="../../alsdesk/ui/programs/grid.py" line="80"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/grid.py" line="80"/>
        <source>not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/grid.py" line="78"/>
        <source>after today, cannot be ticked yet</source>
        <translation>晚于今天，还不能打勾</translation>
    </message>
</context>
<context>
    <name>ProgramTemplateDialog</name>
    <message>
        <location filename="../../alsdesk/ui/programs/template_dialog.py" line="42"/>
        <source>Fixed once saved: enrollments refer to the program by its code.</source>
        <translation>保存后不可更改：入组记录通过代码引用该计划。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/template_dialog.py" line="38"/>
        <source>Edit program</source>
        <translation>编辑计划</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/template_dialog.py" line="38"/>
        <source>Add program</source>
        <translation>添加计划</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/template_dialog.py" line="53"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/template_dialog.py" line="53"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/template_dialog.py" line="63"/>
        <source>&amp;Add item</source>
        <translation>添加项目(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/template_dialog.py" line="65"/>
        <source>Remo&amp;ve item</source>
        <translation>删除项目(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/template_dialog.py" line="75"/>
        <source>Diet &amp;restrictions</source>
        <translation>饮食限制(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/template_dialog.py" line="76"/>
        <source>Chinese diet re&amp;strictions</source>
        <translation>中文饮食限制(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/template_dialog.py" line="77"/>
        <source>Ins&amp;tructions</source>
        <translation>说明(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/template_dialog.py" line="78"/>
        <source>Chinese instructi&amp;ons</source>
        <translation>中文说明(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/template_dialog.py" line="91"/>
        <source>Ite&amp;ms</source>
        <translation>项目(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/template_dialog.py" line="86"/>
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/template_dialog.py" line="87"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/template_dialog.py" line="88"/>
        <source>C&amp;hinese name</source>
        <translation>中文名(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/template_dialog.py" line="89"/>
        <source>&amp;Evidence level</source>
        <translation>证据级别(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/template_dialog.py" line="90"/>
        <source>&amp;Duration (days)</source>
        <translation>持续天数(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/template_dialog.py" line="94"/>
        <source>So&amp;urce</source>
        <translation>来源(&amp;U)</translation>
    </message>
</context>
<context>
    <name>ProgramsTab</name>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="35"/>
        <source>Program</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="36"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="37"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="38"/>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="39"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="40"/>
        <source>Adherence</source>
        <translation>依从性</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="45"/>
        <source>Enrollments</source>
        <translation>入组记录</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="48"/>
        <source>Program template</source>
        <translation>计划模板</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="51"/>
        <source>Enro&amp;ll</source>
        <translation>入组(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="64"/>
        <source>The day the family brought the sheet back</source>
        <translation>家属交回计划单的日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="65"/>
        <source>Stop pro&amp;gram</source>
        <translation>停止计划(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="66"/>
        <source>End the selected enrollment early</source>
        <translation>提前结束所选入组</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="68"/>
        <source>&amp;Save sheet</source>
        <translation>保存计划单(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="71"/>
        <source>Enroll in:</source>
        <translation>入组：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="73"/>
        <source>from</source>
        <translation>自</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="63"/>
        <location filename="../../alsdesk/ui/chart/programs.py" line="78"/>
        <source>Sheet returned on</source>
        <translation>计划单交回日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="84"/>
        <source>Keys: Space toggles a tick · X or 1 ticks and moves on · 0 or - clears and moves on</source>
        <translation>按键：空格切换勾选 · X或1勾选并前进 · 0或-清除并前进</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="143"/>
        <source>No care program yet: choose one above and enroll.</source>
        <translation>尚无护理计划：请在上方选择并入组。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="148"/>
        <source>{0}: {1} ticks of {2} items × {3} days elapsed · adherence {4}</source>
        <translation>{0}：已勾选{1}项，共{2}项 × 已过{3}天 · 依从性 {4}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="115"/>
        <source>{0} ({1}, {2} days)</source>
        <translation>{0}（{1}，{2}天）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="164"/>
        <location filename="../../alsdesk/ui/chart/programs.py" line="168"/>
        <source>Stop program</source>
        <translation>停止项目</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="165"/>
        <source>Stop {0} now? Its sheet is kept. A clinician can revert this from its history.</source>
        <translation>现在停止“{0}”吗？打卡表会保留。临床医生可以在其历史记录中撤回此操作。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/programs.py" line="50"/>
        <source>Enrollment starts on</source>
        <translation>入组开始日期</translation>
    </message>
</context>
<context>
    <name>ProgramsView</name>
    <message>
        <location filename="../../alsdesk/ui/programs/view.py" line="59"/>
        <source>Program</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/view.py" line="60"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/view.py" line="61"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/view.py" line="62"/>
        <source>Items</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/view.py" line="67"/>
        <source>Care program templates</source>
        <translation>护理计划模板</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/view.py" line="70"/>
        <source>Program details</source>
        <translation>计划详情</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/view.py" line="72"/>
        <source>Enroll a patient from the Care programs tab of their chart; enter returned sheets there.</source>
        <translation>请在患者病历的“护理计划”标签页中入组，并在那里录入交回的计划单。</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../alsdesk/ui/recovery_dialog.py" line="64"/>
        <source>The clinic database is damaged</source>
        <translation>诊所数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/recovery_dialog.py" line="65"/>
        <source>alsdesk has not changed the file. Restore the latest good backup below: the damaged file is moved aside unchanged, so nothing in it is lost for good.</source>
        <translation>alsdesk没有改动该文件。请恢复下方最近的完好备份：损坏的文件会原样移到一旁保留，其中的内容不会永久丢失。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/recovery_dialog.py" line="75"/>
        <source>The clinic database is in use by another program</source>
        <translation>诊所数据库正被另一个程序使用</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/recovery_dialog.py" line="76"/>
        <source>Close the other program that has the file open (another alsdesk window, a backup or copying tool), or wait a moment, then choose Retry. The file was not changed.</source>
        <translation>请关闭正在使用该文件的其他程序（另一个alsdesk窗口、备份或复制工具），或稍等片刻，然后选择“重试”。文件没有被改动。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/recovery_dialog.py" line="86"/>
        <source>This database was made by a newer version of alsdesk</source>
        <translation>此数据库由更新版本的alsdesk创建</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/recovery_dialog.py" line="87"/>
        <source>Install that newer version of alsdesk on this computer to open it. An older backup would lose the newer work, so none is offered. The file was not changed.</source>
        <translation>请在这台电脑上安装该更新版本的alsdesk来打开它。旧的备份会丢失较新的工作，因此不提供备份恢复。文件没有被改动。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/recovery_dialog.py" line="96"/>
        <source>This file is not an alsdesk database</source>
        <translation>此文件不是alsdesk数据库</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/recovery_dialog.py" line="97"/>
        <source>It belongs to another program and was not changed. Check which database alsdesk is told to open (--database or ALSDESK_DATABASE_URL).</source>
        <translation>它属于另一个程序，没有被改动。请检查alsdesk被指定打开的数据库（--database 或 ALSDESK_DATABASE_URL）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/recovery_dialog.py" line="105"/>
        <source>alsdesk cannot open the database</source>
        <translation>alsdesk无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/recovery_dialog.py" line="106"/>
        <source>Nothing was changed. Fix the cause named below, then choose Retry.</source>
        <translation>没有任何改动。请解决下面所述的原因，然后选择“重试”。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/recovery_dialog.py" line="140"/>
        <source>What was found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/recovery_dialog.py" line="147"/>
        <source>Good backups, newest first</source>
        <translation>完好的备份（最新的在前）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/recovery_dialog.py" line="156"/>
        <source>Good backups, newest first:</source>
        <translation>完好的备份（最新的在前）：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/recovery_dialog.py" line="166"/>
        <source>&amp;Restore this backup</source>
        <translation>恢复此备份(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/recovery_dialog.py" line="172"/>
        <source>No good backup was found in {0}. Keep the file as it is and ask for IT help.</source>
        <translation>在 {0} 中没有找到完好的备份。请保持文件原样，并向IT人员求助。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/recovery_dialog.py" line="179"/>
        <source>Re&amp;try</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/recovery_dialog.py" line="181"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/recovery_dialog.py" line="54"/>
        <source>The clinic database is missing or empty</source>
        <translation>诊所数据库文件丢失或为空</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/recovery_dialog.py" line="55"/>
        <source>Nothing was changed. Restore the latest good backup below to open the clinic with its data again.</source>
        <translation>未做任何更改。请恢复下面最新的完好备份，诊所即可带着原有数据重新打开。</translation>
    </message>
</context>
<context>
    <name>ReferralsTab</name>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="40"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="42"/>
        <source>To</source>
        <translation>转至</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="45"/>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="74"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="46"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="47"/>
        <source>Sent</source>
        <translation>发送日</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="48"/>
        <source>Follow up</source>
        <translation>随访日</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="49"/>
        <source>Reply</source>
        <translation>回复日</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="50"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="52"/>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="191"/>
        <source>Response</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="64"/>
        <source>Referrals</source>
        <translation>转诊</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="67"/>
        <source>Refer to specialty</source>
        <translation>转诊专科</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="71"/>
        <source>facility (optional)</source>
        <translation>机构（可选）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="78"/>
        <source>reason for referral</source>
        <translation>转诊原因</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="79"/>
        <source>Reason for referral</source>
        <translation>转诊原因</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="81"/>
        <source>recipient (optional)</source>
        <translation>接收人（可选）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="84"/>
        <source>requested service, e.g. NIV assessment (optional)</source>
        <translation>申请的服务，如NIV评估（可选）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="87"/>
        <source>questions for the recipient (optional)</source>
        <translation>向接收方提出的问题（可选）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="89"/>
        <source>&amp;Draft referral</source>
        <translation>起草转诊(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="103"/>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="104"/>
        <source>Recei&amp;ved</source>
        <translation>已接收(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="105"/>
        <source>A&amp;ccepted…</source>
        <translation>已接受(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="106"/>
        <source>Appo&amp;intment on date</source>
        <translation>按日期预约(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="107"/>
        <source>Co&amp;mpleted…</source>
        <translation>已完成(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="108"/>
        <source>Dec&amp;lined…</source>
        <translation>已拒绝(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="109"/>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="182"/>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="186"/>
        <source>Cancel referral</source>
        <translation>取消转诊</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="112"/>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="191"/>
        <source>Findings and recommendations from the reply:</source>
        <translation>回复中的检查所见与建议：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="183"/>
        <source>Cancel the referral to {0}? A clinician can revert this from its history.</source>
        <translation>取消转诊至{0}吗？临床医生可以在其历史记录中撤回此操作。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="72"/>
        <source>Facility</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="82"/>
        <source>Recipient</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="85"/>
        <source>Requested service</source>
        <translation>申请的服务</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="88"/>
        <source>Questions for the recipient</source>
        <translation>给接收方的问题</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/referrals.py" line="100"/>
        <source>Date of the step</source>
        <translation>该步骤的日期</translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="85"/>
        <source>◀ &amp;Previous</source>
        <translation>◀ 上一周(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="86"/>
        <source>&amp;This week</source>
        <translation>本周(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="87"/>
        <source>&amp;Next ▶</source>
        <translation>下一周(&amp;N) ▶</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="93"/>
        <source>Filter by discipline</source>
        <translation>按专业筛选</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="94"/>
        <source>All disciplines</source>
        <translation>所有专业</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="119"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="120"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="121"/>
        <source>Discipline</source>
        <translation>专业</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="124"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="136"/>
        <source>Open &amp;chart</source>
        <translation>打开病历(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="137"/>
        <source>Attende&amp;d</source>
        <translation>已到(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="138"/>
        <source>&amp;Missed</source>
        <translation>缺席(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="139"/>
        <source>Re&amp;schedule to</source>
        <translation>改期至(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="79"/>
        <source>✓ attended   ✗ missed   ○ scheduled   ◆ workup appointment · select a day to see and record its sessions</source>
        <translation>✓ 已到   ✗ 缺席   ○ 已安排   ◆ 检查预约 · 选择某天以查看和记录当天的治疗</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="111"/>
        <source>Week of therapy sessions and workup appointments</source>
        <translation>一周治疗与检查预约</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="122"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="123"/>
        <source>Plan or investigation</source>
        <translation>方案或检查</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="116"/>
        <source>Therapy session</source>
        <translation>治疗</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="116"/>
        <source>Workup appointment</source>
        <translation>检查预约</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="129"/>
        <source>Sessions and appointments in the selected day</source>
        <translation>所选日期的治疗与预约</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="192"/>
        <source>Week of {0}: {1} sessions, {2} workups</source>
        <translation>{0}当周：{1}次治疗，{2}项检查</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="222"/>
        <source>Record a workup as performed in the Workup tab of the patient&apos;s chart.</source>
        <translation>请在患者病历的“检查”页记录检查已完成。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="102"/>
        <source>Filter by staff member</source>
        <translation>按工作人员筛选</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="104"/>
        <source>One therapist&apos;s week: their sessions only (workups are booked with a department)</source>
        <translation>某位治疗师的一周：仅显示其治疗（检查预约属于科室）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="106"/>
        <source>All staff</source>
        <translation>所有工作人员</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/schedule/view.py" line="133"/>
        <source>Reschedule the selected item to</source>
        <translation>将所选项目改期至</translation>
    </message>
</context>
<context>
    <name>SessionGuard</name>
    <message>
        <location filename="../../alsdesk/ui/signin/session_guard.py" line="136"/>
        <source>Quit alsdesk</source>
        <translation>退出 alsdesk</translation>
    </message>
    <message numerus="yes">
        <location filename="../../alsdesk/ui/signin/session_guard.py" line="138"/>
        <source>%n open window(s) hold entries that were not saved. Nobody is signed in, so they cannot be saved: quitting discards them. To keep them, sign in and save first.</source>
        <translation>
            <numerusform>%n 个打开的窗口中有未保存的输入。当前无人登录，无法保存：退出将丢弃这些输入。如需保留，请先登录并保存。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../alsdesk/ui/signin/dialog.py" line="142"/>
        <source>Sign in to alsdesk</source>
        <translation>登录 alsdesk</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/dialog.py" line="144"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/dialog.py" line="146"/>
        <source>Patient records are only shown to signed-in staff.</source>
        <translation>患者记录仅向已登录的工作人员显示。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/dialog.py" line="150"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <location filename="../../alsdesk/ui/signin/dialog.py" line="73"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/dialog.py" line="75"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/dialog.py" line="78"/>
        <source>Sign-in message</source>
        <translation>登录提示</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/dialog.py" line="79"/>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/dialog.py" line="85"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/dialog.py" line="86"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/dialog.py" line="108"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
</context>
<context>
    <name>TherapyTab</name>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="123"/>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="240"/>
        <source>{0} ({1})</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="43"/>
        <source>Discipline</source>
        <translation>专业</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="44"/>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="45"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="46"/>
        <source>Every</source>
        <translation>间隔</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="46"/>
        <source>{0} days</source>
        <translation>{0}天</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="47"/>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="68"/>
        <source>Sessions</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="48"/>
        <source>Active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="48"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="48"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="52"/>
        <source>Therapy plans</source>
        <translation>治疗方案</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="57"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="58"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="59"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="69"/>
        <source>Attende&amp;d</source>
        <translation>已到(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="71"/>
        <source>&amp;Missed</source>
        <translation>缺席(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="75"/>
        <source>Resc&amp;hedule to</source>
        <translation>改期至(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="78"/>
        <source>&amp;Stop plan</source>
        <translation>停止方案(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="79"/>
        <source>End the selected plan: its future sessions are cancelled</source>
        <translation>结束所选方案：其后续治疗将被取消</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="91"/>
        <source>e.g. Home exercise programme</source>
        <translation>如：居家锻炼计划</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="99"/>
        <source>every </source>
        <translation>每 </translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="100"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="105"/>
        <source> sessions</source>
        <translation> 次</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="106"/>
        <source>Add p&amp;lan</source>
        <translation>添加方案(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="111"/>
        <source>Therapy plans and sessions</source>
        <translation>治疗方案与治疗记录</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="122"/>
        <source>Drug</source>
        <translation>药物</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="125"/>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="142"/>
        <source>Dose</source>
        <translation>剂量</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="126"/>
        <source>Started</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="127"/>
        <source>Stopped</source>
        <translation>停用日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="129"/>
        <source>Why stopped / warning acknowledged</source>
        <translation>停药原因/已确认的警告</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="135"/>
        <source>Medications</source>
        <translation>用药</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="137"/>
        <source>Drug to prescribe</source>
        <translation>待开药物</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="141"/>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="216"/>
        <source>dose (catalog default if blank)</source>
        <translation>剂量（留空用目录默认值）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="219"/>
        <source>dose (blank: {0})</source>
        <translation>剂量（留空：{0}）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="146"/>
        <source>Prescr&amp;ibe</source>
        <translation>开药(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="148"/>
        <source>Stop sele&amp;cted…</source>
        <translation>停用所选(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="154"/>
        <source>Lab test</source>
        <translation>化验项目</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="157"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="158"/>
        <source>Lab value</source>
        <translation>化验值</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="160"/>
        <source>upper limit of normal</source>
        <translation>正常值上限</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="161"/>
        <source>Upper limit of normal</source>
        <translation>正常值上限</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="164"/>
        <source>Record la&amp;b</source>
        <translation>记录化验(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="165"/>
        <source>Drug monitoring, e.g. ALT (liver test) on riluzole</source>
        <translation>药物监测，如服用利鲁唑时的ALT（肝功能）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="170"/>
        <source>Lab:</source>
        <translation>化验：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="177"/>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="182"/>
        <source>Record milestone</source>
        <translation>记录里程碑</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="188"/>
        <source>Medications and milestones</source>
        <translation>用药与里程碑</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="244"/>
        <source>choose a drug</source>
        <translation>选择药物</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="256"/>
        <source>Latest: {0}</source>
        <translation>最近：{0}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="269"/>
        <source>No lab results yet.</source>
        <translation>尚无化验结果。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="272"/>
        <source>Milestones: {0}</source>
        <translation>里程碑：{0}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="273"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="321"/>
        <source>Choose the drug to prescribe.</source>
        <translation>请选择要开的药物。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="347"/>
        <source>Prescription warning</source>
        <translation>处方警告</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="369"/>
        <source>Lab value and upper limit must be numbers.</source>
        <translation>化验值和上限必须是数字。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="388"/>
        <source>Stop medication</source>
        <translation>停药</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="388"/>
        <source>Reason for stopping:</source>
        <translation>停药原因：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="259"/>
        <source>{0} {1:g} {2} (ULN {3:g}) on {4}</source>
        <translation>{0} {1:g} {2}（ULN {3:g}），{4}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="261"/>
        <source>{0} {1:g} {2} on {4}</source>
        <translation>{0} {1:g} {2}，{4}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="74"/>
        <source>Reschedule the selected session to</source>
        <translation>将所选治疗改期至</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="87"/>
        <source>Discipline of the new plan</source>
        <translation>新方案的专业</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="92"/>
        <source>Plan title</source>
        <translation>方案名称</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="94"/>
        <source>First session on</source>
        <translation>首次治疗日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="96"/>
        <source>Days between sessions</source>
        <translation>治疗间隔天数</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="102"/>
        <source>Number of sessions</source>
        <translation>治疗次数</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="145"/>
        <source>Medication started on</source>
        <translation>开始用药日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="163"/>
        <source>Lab taken on</source>
        <translation>化验采样日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/therapy.py" line="181"/>
        <source>Milestone date</source>
        <translation>里程碑日期</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../alsdesk/ui/chart/trend_charts.py" line="39"/>
        <source>{0}: no measurements yet</source>
        <translation>{0}：尚无测量数据</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../alsdesk/ui/signin/unlock_dialog.py" line="70"/>
        <source>Sign in to alsdesk</source>
        <translation>登录 alsdesk</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/unlock_dialog.py" line="71"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/unlock_dialog.py" line="73"/>
        <source>This database is encrypted: signing in opens it.</source>
        <translation>此数据库已加密：登录后即可打开。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/signin/unlock_dialog.py" line="77"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>WeekModel</name>
    <message>
        <location filename="../../alsdesk/ui/schedule/model.py" line="75"/>
        <source>+{0} more</source>
        <translation>另有{0}项</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <location filename="../../alsdesk/ui/worklist/model.py" line="44"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/model.py" line="45"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/model.py" line="46"/>
        <source>MRN</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/model.py" line="47"/>
        <source>Discipline</source>
        <translation>专业</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/model.py" line="48"/>
        <source>What is due</source>
        <translation>待办事项</translation>
    </message>
</context>
<context>
    <name>WorklistView</name>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="97"/>
        <source>Filter by discipline</source>
        <translation>按专业筛选</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="98"/>
        <source>All disciplines</source>
        <translation>所有专业</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="102"/>
        <source>Filter by staff member</source>
        <translation>按工作人员筛选</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="103"/>
        <source>All staff</source>
        <translation>所有工作人员</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="108"/>
        <source>Worklist items</source>
        <translation>工作清单项目</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="122"/>
        <source>&amp;Open chart</source>
        <translation>打开病历(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="124"/>
        <source>&amp;Dismiss…</source>
        <translation>移除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="125"/>
        <source>Take the selected item off the worklist, with a reason</source>
        <translation>将所选项目从工作清单移除，并注明原因</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="127"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="130"/>
        <source>Click a heading (or press →) to see its items; double-click an item to open the chart.</source>
        <translation>点击标题（或按 →）查看其项目；双击项目打开病历。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="137"/>
        <source>Discipline:</source>
        <translation>专业：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="139"/>
        <source>Staff:</source>
        <translation>人员：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="142"/>
        <source>Mark &amp;attended</source>
        <translation>标记已到(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="143"/>
        <source>For a therapy session: record that the patient came</source>
        <translation>用于治疗：记录患者已到</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="151"/>
        <source>New date</source>
        <translation>新日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="152"/>
        <source>Re&amp;schedule to</source>
        <translation>改期至(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="154"/>
        <source>Therapy session or workup: move it; referral: follow up on that date instead</source>
        <translation>治疗或检查：改期；转诊：改为在该日期随访</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="250"/>
        <source>Worklist for {0}: {1} items</source>
        <translation>{0}的工作清单：{1}项</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="415"/>
        <source>Dismiss worklist item</source>
        <translation>移除工作清单项目</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="416"/>
        <source>Why is this no longer due?
{0}: {1}</source>
        <translation>为什么不再需要处理？
{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="145"/>
        <source>Mark &amp;performed…</source>
        <translation>标记已检查(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="146"/>
        <source>For a workup: record that it was performed (asks first)</source>
        <translation>检查项目：记录已完成检查（会先确认）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="357"/>
        <source>Attendance recorded: {0}</source>
        <translation>已记录到诊：{0}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="368"/>
        <source>Mark workup performed</source>
        <translation>标记检查已完成</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="369"/>
        <source>Record that this workup was performed on {0}?
{1}: {2}</source>
        <translation>记录此检查已于 {0} 完成？
{1}：{2}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="381"/>
        <source>Workup recorded as performed on {0}: {1}</source>
        <translation>已记录检查于 {0} 完成：{1}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="388"/>
        <source>Rescheduled to {0}: {1}</source>
        <translation>已改期至 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="394"/>
        <source>Follow-up set for {0}: {1}</source>
        <translation>随访日期已设为 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/worklist/view.py" line="372"/>
        <source>Record performed</source>
        <translation>记录已检查</translation>
    </message>
</context>
<context>
    <name>WorkupTypeDialog</name>
    <message>
        <location filename="../../alsdesk/ui/admin/workup_type_dialog.py" line="20"/>
        <source>Add workup type</source>
        <translation>添加检查类型</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/workup_type_dialog.py" line="28"/>
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/workup_type_dialog.py" line="29"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/workup_type_dialog.py" line="30"/>
        <source>C&amp;hinese name</source>
        <translation>中文名(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/workup_type_dialog.py" line="31"/>
        <source>&amp;Discipline</source>
        <translation>专业(&amp;D)</translation>
    </message>
</context>
<context>
    <name>WorkupsTab</name>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="37"/>
        <source>Investigation</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="38"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="39"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="40"/>
        <source>Ordered</source>
        <translation>开单日</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="41"/>
        <source>Scheduled</source>
        <translation>预约日</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="42"/>
        <source>Performed</source>
        <translation>检查日</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="43"/>
        <source>Resulted</source>
        <translation>结果日</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="44"/>
        <source>Reviewed</source>
        <translation>审阅日</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="46"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="54"/>
        <source>Workups</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="57"/>
        <source>Investigation to order</source>
        <translation>待开检查</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="60"/>
        <source>Due date; left blank, an order is due in 30 days</source>
        <translation>到期日；留空则开单后30天到期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="61"/>
        <source>Or&amp;der</source>
        <translation>开单(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="64"/>
        <source>Date of the action</source>
        <translation>操作日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="67"/>
        <source>&amp;Schedule for date</source>
        <translation>按日期预约(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="68"/>
        <source>Record perfor&amp;med</source>
        <translation>记录已完成(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="69"/>
        <source>Enter res&amp;ult…</source>
        <translation>录入结果(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="70"/>
        <source>Re&amp;view…</source>
        <translation>审阅(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="71"/>
        <source>&amp;Cancel workup</source>
        <translation>取消检查(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="74"/>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="85"/>
        <source>New:</source>
        <translation>新开：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="87"/>
        <source>due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="128"/>
        <source> (overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="130"/>
        <source> (review due)</source>
        <translation>（待审阅）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="177"/>
        <source>Enter result</source>
        <translation>录入结果</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="177"/>
        <source>Result:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="182"/>
        <source>Review result</source>
        <translation>审阅结果</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="182"/>
        <source>Interpretation (optional):</source>
        <translation>解读（可选）：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="108"/>
        <location filename="../../alsdesk/ui/chart/workups.py" line="110"/>
        <source>Record performed</source>
        <translation>记录已检查</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="109"/>
        <source>Record {0} as performed on {1}?</source>
        <translation>将{0}记录为已于{1}完成检查吗？</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="115"/>
        <location filename="../../alsdesk/ui/chart/workups.py" line="119"/>
        <source>Cancel workup</source>
        <translation>取消检查</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="116"/>
        <source>Cancel {0}? It will no longer be due. A clinician can revert this from its history.</source>
        <translation>取消{0}吗？它将不再到期。临床医生可以在其历史记录中撤回此操作。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/workups.py" line="59"/>
        <source>Due date of the new order</source>
        <translation>新检查单的截止日期</translation>
    </message>
</context>
<context>
    <name>alsfrs</name>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="10"/>
        <source>1. Speech</source>
        <translation>1. 言语</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="12"/>
        <source>Normal speech processes</source>
        <translation>言语正常</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="13"/>
        <source>Detectable speech disturbance</source>
        <translation>可察觉的言语障碍</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="14"/>
        <source>Intelligible with repeating</source>
        <translation>需重复才能听懂</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="15"/>
        <source>Speech combined with nonvocal communication</source>
        <translation>言语需结合非言语交流</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="16"/>
        <source>Loss of useful speech</source>
        <translation>丧失有效言语</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="20"/>
        <source>2. Salivation</source>
        <translation>2. 流涎</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="22"/>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="42"/>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="52"/>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="62"/>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="82"/>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="92"/>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="102"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="23"/>
        <source>Slight but definite excess of saliva in mouth; may have nighttime drooling</source>
        <translation>口中唾液轻度但明确增多；夜间可有流涎</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="24"/>
        <source>Moderately excessive saliva; may have minimal drooling</source>
        <translation>唾液中度增多；可有轻微流涎</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="25"/>
        <source>Marked excess of saliva with some drooling</source>
        <translation>唾液明显增多，伴一定流涎</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="26"/>
        <source>Marked drooling; requires constant tissue or handkerchief</source>
        <translation>明显流涎；需不断使用纸巾或手帕</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="30"/>
        <source>3. Swallowing</source>
        <translation>3. 吞咽</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="32"/>
        <source>Normal eating habits</source>
        <translation>进食习惯正常</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="33"/>
        <source>Early eating problems: occasional choking</source>
        <translation>早期进食问题：偶有呛咳</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="34"/>
        <source>Dietary consistency changes</source>
        <translation>需改变食物性状</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="35"/>
        <source>Needs supplemental tube feeding</source>
        <translation>需辅助管饲</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="36"/>
        <source>NPO (exclusively parenteral or enteral feeding)</source>
        <translation>禁食（完全肠外或肠内营养）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="40"/>
        <source>4. Handwriting</source>
        <translation>4. 书写</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="43"/>
        <source>Slow or sloppy: all words are legible</source>
        <translation>缓慢或潦草：所有字均可辨认</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="44"/>
        <source>Not all words are legible</source>
        <translation>部分字无法辨认</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="45"/>
        <source>Able to grip pen but unable to write</source>
        <translation>能握笔但不能书写</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="46"/>
        <source>Unable to grip pen</source>
        <translation>不能握笔</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="50"/>
        <source>5a. Cutting food and handling utensils (no gastrostomy)</source>
        <translation>5a. 切食物和使用餐具（未行胃造瘘）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="53"/>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="83"/>
        <source>Somewhat slow and clumsy, but no help needed</source>
        <translation>稍慢且笨拙，但无需帮助</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="54"/>
        <source>Can cut most foods, although clumsy and slow; some help needed</source>
        <translation>能切大部分食物，虽笨拙缓慢；需一些帮助</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="55"/>
        <source>Food must be cut by someone, but can still feed slowly</source>
        <translation>食物需他人切好，但仍能缓慢自行进食</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="56"/>
        <source>Needs to be fed</source>
        <translation>需他人喂食</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="60"/>
        <source>5b. Cutting food and handling utensils (with gastrostomy)</source>
        <translation>5b. 切食物和使用餐具（已行胃造瘘）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="63"/>
        <source>Clumsy but able to perform all manipulations independently</source>
        <translation>笨拙但能独立完成所有操作</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="64"/>
        <source>Some help needed with closures and fasteners</source>
        <translation>扣合与系紧时需一些帮助</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="65"/>
        <source>Provides minimal assistance to caregiver</source>
        <translation>仅能为照护者提供少量配合</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="66"/>
        <source>Unable to perform any aspect of task</source>
        <translation>完全不能完成任何操作</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="70"/>
        <source>6. Dressing and hygiene</source>
        <translation>6. 穿衣和个人卫生</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="72"/>
        <source>Normal function</source>
        <translation>功能正常</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="73"/>
        <source>Independent and complete self-care with effort or decreased efficiency</source>
        <translation>能独立完全自理，但费力或效率降低</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="74"/>
        <source>Intermittent assistance or substitute methods</source>
        <translation>间断需要帮助或替代方法</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="75"/>
        <source>Needs attendant for self-care</source>
        <translation>自理需他人协助</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="76"/>
        <source>Total dependence</source>
        <translation>完全依赖</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="80"/>
        <source>7. Turning in bed and adjusting bed clothes</source>
        <translation>7. 床上翻身和整理被褥</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="84"/>
        <source>Can turn alone or adjust sheets, but with great difficulty</source>
        <translation>能独自翻身或整理被褥，但非常困难</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="85"/>
        <source>Can initiate, but not turn or adjust sheets alone</source>
        <translation>能启动，但不能独自翻身或整理被褥</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="86"/>
        <source>Helpless</source>
        <translation>完全不能</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="90"/>
        <source>8. Walking</source>
        <translation>8. 行走</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="93"/>
        <source>Early ambulation difficulties</source>
        <translation>早期行走困难</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="94"/>
        <source>Walks with assistance</source>
        <translation>需辅助行走</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="95"/>
        <source>Nonambulatory functional movement only</source>
        <translation>不能行走，仅有功能性活动</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="96"/>
        <source>No purposeful leg movement</source>
        <translation>下肢无自主活动</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="100"/>
        <source>9. Climbing stairs</source>
        <translation>9. 爬楼梯</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="103"/>
        <source>Slow</source>
        <translation>缓慢</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="104"/>
        <source>Mild unsteadiness or fatigue</source>
        <translation>轻度不稳或疲劳</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="105"/>
        <source>Needs assistance</source>
        <translation>需要帮助</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="106"/>
        <source>Cannot do</source>
        <translation>不能完成</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="110"/>
        <source>10. Dyspnea</source>
        <translation>10. 呼吸困难</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="112"/>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="122"/>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="135"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="113"/>
        <source>Occurs when walking</source>
        <translation>行走时出现</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="114"/>
        <source>Occurs with one or more of: eating, bathing, dressing (ADL)</source>
        <translation>进食、洗澡、穿衣（日常生活活动）中一项或多项时出现</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="115"/>
        <source>Occurs at rest: difficulty breathing when either sitting or lying</source>
        <translation>静息时出现：坐位或卧位均呼吸困难</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="116"/>
        <source>Significant difficulty: considering using mechanical respiratory support</source>
        <translation>严重困难：考虑使用机械通气支持</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="120"/>
        <source>11. Orthopnea</source>
        <translation>11. 端坐呼吸</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="123"/>
        <source>Some difficulty sleeping at night due to shortness of breath; does not routinely use more than two pillows</source>
        <translation>夜间因气短睡眠有些困难；通常不需两个以上枕头</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="127"/>
        <source>Needs extra pillows in order to sleep (more than two)</source>
        <translation>需额外枕头才能入睡（两个以上）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="128"/>
        <source>Can only sleep sitting up</source>
        <translation>只能坐着睡</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="129"/>
        <source>Unable to sleep</source>
        <translation>不能入睡</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="133"/>
        <source>12. Respiratory insufficiency</source>
        <translation>12. 呼吸功能不全</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="136"/>
        <source>Intermittent use of BiPAP (NIV)</source>
        <translation>间断使用BiPAP（NIV）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="137"/>
        <source>Continuous use of BiPAP (NIV) during the night</source>
        <translation>夜间持续使用BiPAP（NIV）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="138"/>
        <source>Continuous use of BiPAP (NIV) during the night and day</source>
        <translation>日夜持续使用BiPAP（NIV）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/alsfrs_items.py" line="139"/>
        <source>Invasive mechanical ventilation by intubation or tracheostomy</source>
        <translation>经气管插管或气管切开行有创机械通气</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="183"/>
        <source>FVC (% predicted)</source>
        <translation>FVC（占预计值%）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="184"/>
        <source>SNIP (cmH2O)</source>
        <translation>SNIP（cmH2O）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="185"/>
        <source>SpO2 (%)</source>
        <translation>SpO2（%）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="186"/>
        <source>Weight (kg)</source>
        <translation>体重（kg）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="187"/>
        <source>Height (cm)</source>
        <translation>身高（cm）</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../alsdesk/ui/app.py" line="143"/>
        <source>The database was restored from the backup of {0}.</source>
        <translation>数据库已从 {0} 的备份恢复。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/app.py" line="228"/>
        <source>The database was not encrypted</source>
        <translation>数据库未加密</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/app.py" line="247"/>
        <source>Translation missing</source>
        <translation>缺少翻译</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/app.py" line="229"/>
        <source>The database stays unencrypted: {0}</source>
        <translation>数据库保持未加密状态：{0}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/app.py" line="148"/>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/app.py" line="145"/>
        <source>The database was restored from the backup of {0}. The file it replaced was kept as {1}.</source>
        <translation>数据库已从 {0} 的备份恢复。被替换的文件保留为 {1}。</translation>
    </message>
</context>
<context>
    <name>codes</name>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="6"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="7"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="8"/>
        <source>Active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="9"/>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="10"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="11"/>
        <source>Advance care plan</source>
        <translation>预立医疗照护计划</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="12"/>
        <source>Approved</source>
        <translation>已获批</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="13"/>
        <source>Attended</source>
        <translation>已到</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="14"/>
        <source>Bulbar</source>
        <translation>延髓</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="15"/>
        <source>C9orf72</source>
        <translation>C9orf72</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="16"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="17"/>
        <source>Cervical</source>
        <translation>颈段</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="18"/>
        <source>Clinical</source>
        <translation>临床</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="19"/>
        <source>Clinician</source>
        <translation>临床医生</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="20"/>
        <source>Communication aid</source>
        <translation>沟通辅具</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="21"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="22"/>
        <source>Coordinator</source>
        <translation>协调员</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="23"/>
        <source>Counselling</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="24"/>
        <source>Criteria not met</source>
        <translation>不符合标准</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="25"/>
        <source>Deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="26"/>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="27"/>
        <source>Definite</source>
        <translation>确诊</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="28"/>
        <source>Diagnosed</source>
        <translation>已确诊</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="29"/>
        <source>Dietetics</source>
        <translation>营养科</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="30"/>
        <source>Discharged</source>
        <translation>已出院</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="31"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="32"/>
        <source>Education</source>
        <translation>健康教育</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="33"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="34"/>
        <source>Expert consensus</source>
        <translation>专家共识</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="35"/>
        <source>FUS</source>
        <translation>FUS</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="36"/>
        <source>Fast</source>
        <translation>快速</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="37"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="38"/>
        <source>Gastroenterology (gastrostomy)</source>
        <translation>消化内科（胃造瘘）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="39"/>
        <source>Gastrostomy</source>
        <translation>胃造瘘</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="40"/>
        <source>Generalised</source>
        <translation>全身</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="41"/>
        <source>Genetic counselling</source>
        <translation>遗传咨询</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="42"/>
        <source>Guideline</source>
        <translation>指南</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="43"/>
        <source>Intermediate</source>
        <translation>中速</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="44"/>
        <source>Investigational</source>
        <translation>研究性</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="45"/>
        <source>Lower limb</source>
        <translation>下肢</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="46"/>
        <source>Lumbosacral</source>
        <translation>腰骶段</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="47"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="48"/>
        <source>Missed</source>
        <translation>缺席</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="49"/>
        <source>NIV (non-invasive ventilation)</source>
        <translation>NIV（无创通气）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="50"/>
        <source>Negative</source>
        <translation>阴性</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="51"/>
        <source>Neurology</source>
        <translation>神经内科</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="52"/>
        <source>Not tested</source>
        <translation>未检测</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="53"/>
        <source>Occupational therapy</source>
        <translation>作业治疗</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="54"/>
        <source>Off-label</source>
        <translation>超说明书</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="55"/>
        <source>Open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="56"/>
        <source>Ordered</source>
        <translation>已开单</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="57"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="58"/>
        <source>Palliative</source>
        <translation>姑息治疗</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="59"/>
        <source>Palliative care</source>
        <translation>安宁疗护</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="60"/>
        <source>Performed</source>
        <translation>已检查</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="61"/>
        <source>Physiotherapy</source>
        <translation>物理治疗</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="62"/>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="63"/>
        <source>Possible</source>
        <translation>可能</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="64"/>
        <source>Probable</source>
        <translation>拟诊</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="65"/>
        <source>Probable, laboratory-supported</source>
        <translation>实验室支持拟诊</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="66"/>
        <source>Psychology</source>
        <translation>心理科</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="67"/>
        <source>Read only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="68"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="69"/>
        <source>Regenerative medicine (investigational)</source>
        <translation>再生医学（研究性）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="70"/>
        <source>Rehabilitation</source>
        <translation>康复科</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="71"/>
        <source>Respiratory</source>
        <translation>呼吸</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="72"/>
        <source>Respiratory medicine</source>
        <translation>呼吸内科</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="73"/>
        <source>Resulted</source>
        <translation>已出结果</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="74"/>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="75"/>
        <source>Routine</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="76"/>
        <source>SOD1</source>
        <translation>SOD1</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="77"/>
        <source>Scheduled</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="78"/>
        <source>Screening</source>
        <translation>筛查中</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="79"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="80"/>
        <source>Shared decision</source>
        <translation>共同决策</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="81"/>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="82"/>
        <source>Slow</source>
        <translation>缓慢</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="83"/>
        <source>Social work</source>
        <translation>社会工作</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="84"/>
        <source>Specialist nursing</source>
        <translation>专科护理</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="85"/>
        <source>Speech and language therapy</source>
        <translation>言语治疗</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="86"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="87"/>
        <source>Suspected</source>
        <translation>疑似</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="88"/>
        <source>TARDBP</source>
        <translation>TARDBP</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="89"/>
        <source>Thoracic</source>
        <translation>胸段</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="90"/>
        <source>Tracheostomy</source>
        <translation>气管切开</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="91"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="92"/>
        <source>Upper limb</source>
        <translation>上肢</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="93"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="94"/>
        <source>Wheelchair</source>
        <translation>轮椅</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="95"/>
        <source>Withdrawn</source>
        <translation>已退出</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="27"/>
        <source>Current</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="34"/>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="94"/>
        <source>Upcoming</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>Breathlessness</source>
        <translation>气促</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>Confusion</source>
        <translation>意识混乱</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>Daytime sleepiness</source>
        <translation>日间嗜睡</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>Disturbed or non-refreshing sleep</source>
        <translation>睡眠紊乱或睡后不解乏</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>FVC below 50 %</source>
        <translation>FVC 低于 50%</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>FVC low, with symptoms</source>
        <translation>有症状且 FVC 偏低</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>Fatigue</source>
        <translation>乏力</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>Gastrostomy in place</source>
        <translation>已行胃造瘘</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>Hallucinations</source>
        <translation>幻觉</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>Morning headaches</source>
        <translation>晨起头痛</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>NIV in place</source>
        <translation>已使用无创通气</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>Nightmares</source>
        <translation>噩梦</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>No longer met</source>
        <translation>不再符合</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>Orthopnoea</source>
        <translation>端坐呼吸</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>Poor appetite</source>
        <translation>食欲差</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>Poor concentration or memory</source>
        <translation>注意力或记忆力差</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>Recurrent chest infections</source>
        <translation>反复胸部感染</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>Replaced by a corrected visit's alert</source>
        <translation>已由更正后就诊的提醒取代</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>SNIP below 40 cmH2O</source>
        <translation>SNIP 低于 40 cmH2O</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>SNIP fallen 10 cmH2O</source>
        <translation>SNIP 下降 10 cmH2O</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="1"/>
        <source>SNIP low, with symptoms</source>
        <translation>有症状且 SNIP 偏低</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="437"/>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="438"/>
        <source>appointment on</source>
        <translation>预约日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="439"/>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="440"/>
        <source>assessed on</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="441"/>
        <source>awaji applied</source>
        <translation>Awaji 标准</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="442"/>
        <source>birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="443"/>
        <source>caregiver name</source>
        <translation>照护者姓名</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="444"/>
        <source>caregiver phone</source>
        <translation>照护者电话</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="445"/>
        <source>caregiver relation</source>
        <translation>与照护者关系</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="446"/>
        <source>death date</source>
        <translation>死亡日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="447"/>
        <source>diagnosis date</source>
        <translation>诊断日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="448"/>
        <source>diet restrictions</source>
        <translation>饮食限制</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="449"/>
        <source>diet restrictions zh</source>
        <translation>饮食限制（中文）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="450"/>
        <source>due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="451"/>
        <source>duration days</source>
        <translation>疗程天数</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="452"/>
        <source>el escorial</source>
        <translation>El Escorial 分级</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="453"/>
        <source>evidence level</source>
        <translation>证据级别</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="454"/>
        <source>family history</source>
        <translation>家族史</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="455"/>
        <source>family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="456"/>
        <source>findings</source>
        <translation>检查所见</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="457"/>
        <source>follow up on</source>
        <translation>随访日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="458"/>
        <source>from specialty</source>
        <translation>转出科室</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="459"/>
        <source>fvc percent</source>
        <translation>FVC（%）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="460"/>
        <source>genetics</source>
        <translation>基因检测</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="461"/>
        <source>given name</source>
        <translation>名</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="462"/>
        <source>gold coast met</source>
        <translation>Gold Coast 标准</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="465"/>
        <source>height cm</source>
        <translation>身高</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="466"/>
        <source>instructions</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="467"/>
        <source>instructions zh</source>
        <translation>说明（中文）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="468"/>
        <source>interpretation</source>
        <translation>解读</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="469"/>
        <source>item 1</source>
        <translation>第 1 项</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="470"/>
        <source>item 10</source>
        <translation>第 10 项</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="471"/>
        <source>item 11</source>
        <translation>第 11 项</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="472"/>
        <source>item 12</source>
        <translation>第 12 项</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="473"/>
        <source>item 2</source>
        <translation>第 2 项</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="474"/>
        <source>item 3</source>
        <translation>第 3 项</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="475"/>
        <source>item 4</source>
        <translation>第 4 项</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="476"/>
        <source>item 5a</source>
        <translation>第 5a 项</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="477"/>
        <source>item 5b</source>
        <translation>第 5b 项</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="478"/>
        <source>item 6</source>
        <translation>第 6 项</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="479"/>
        <source>item 7</source>
        <translation>第 7 项</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="480"/>
        <source>item 8</source>
        <translation>第 8 项</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="481"/>
        <source>item 9</source>
        <translation>第 9 项</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="482"/>
        <source>items json</source>
        <translation>条目</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="483"/>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="484"/>
        <source>lung disease</source>
        <translation>肺部疾病</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="485"/>
        <source>mrn</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="486"/>
        <source>name en</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="487"/>
        <source>name zh</source>
        <translation>中文名</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="488"/>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="489"/>
        <source>onset date</source>
        <translation>起病日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="490"/>
        <source>onset region</source>
        <translation>起病部位</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="491"/>
        <source>ordered on</source>
        <translation>开单日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="492"/>
        <source>patient id</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="493"/>
        <source>performed on</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="494"/>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="495"/>
        <source>plan id</source>
        <translation>治疗计划</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="496"/>
        <source>questions</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="497"/>
        <source>reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="498"/>
        <source>recommendations</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="499"/>
        <source>referral date</source>
        <translation>转诊日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="500"/>
        <source>reply on</source>
        <translation>回复日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="501"/>
        <source>requested service</source>
        <translation>申请的服务</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="502"/>
        <source>responsible staff id</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="503"/>
        <source>restricted</source>
        <translation>受限</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="504"/>
        <source>result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="505"/>
        <source>resulted on</source>
        <translation>出结果日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="506"/>
        <source>reviewed on</source>
        <translation>审阅日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="507"/>
        <source>reviewer id</source>
        <translation>审阅医生</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="508"/>
        <source>scheduled for</source>
        <translation>预约日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="509"/>
        <source>scheduled on</source>
        <translation>预约日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="510"/>
        <source>sent on</source>
        <translation>发出日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="511"/>
        <source>sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="512"/>
        <source>sheet returned on</source>
        <translation>计划单交回日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="513"/>
        <source>snip cmh2o</source>
        <translation>SNIP</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="514"/>
        <source>spo2 percent</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="515"/>
        <source>staff id</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="516"/>
        <source>start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="517"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="518"/>
        <source>template code</source>
        <translation>计划模板</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="519"/>
        <source>to facility</source>
        <translation>转入机构</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="520"/>
        <source>to person</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="521"/>
        <source>to specialty</source>
        <translation>转入科室</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="522"/>
        <source>type code</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="523"/>
        <source>urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="524"/>
        <source>weight kg</source>
        <translation>体重</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="463"/>
        <source>gold coast mimics excluded</source>
        <translation>Gold Coast 已排除其他疾病</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="464"/>
        <source>gold coast progressive</source>
        <translation>Gold Coast 进行性运动障碍</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="355"/>
        <source>symptoms</source>
        <translation>呼吸症状</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <location filename="../../alsdesk/ui/widgets/common.py" line="79"/>
        <source>alsdesk</source>
        <translation>alsdesk</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/widgets/common.py" line="93"/>
        <source>Validation message</source>
        <translation>校验信息</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../alsdesk/ui/screenshots.py" line="113"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="34"/>
        <source>An interrupted restore or encryption of {path} could not be finished ({reason}); the steps it needs are in {journal}. Nothing else was changed.</source>
        <translation>{path} 上次被中断的恢复或加密无法完成（{reason}）；所需的步骤记录在 {journal} 中。其他内容均未更改。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="114"/>
        <source>The audit trail records {path}, but it could not be put in place: {reason}.</source>
        <translation>审计记录已记下 {path}，但该文件无法放到位：{reason}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="238"/>
        <source>{journal} records an interrupted change of the database but cannot be read ({reason}). Nothing was changed; keep it and the files beside it for support.</source>
        <translation>{journal} 记录了一次被中断的数据库更改，但无法读取（{reason}）。未做任何更改；请保留它及其旁边的文件，以便技术支持处理。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="270"/>
        <source>{path} is a symbolic link (to {target}); encrypting would replace the link and leave its target plain. Nothing was changed: run it on the file itself, alsdesk --database sqlite:///{target} db encrypt, and point alsdesk at that file from then on.</source>
        <translation>{path} 是一个符号链接（指向 {target}）；加密会替换该链接，而其目标文件仍为明文。未做任何更改：请对文件本身执行 alsdesk --database sqlite:///{target} db encrypt，此后让 alsdesk 使用该文件。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="54"/>
        <source>Chinese facts need the English facts they translate.</source>
        <translation>中文说明需要有对应的英文说明。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="7"/>
        <source>A Chinese default dose needs the English default dose it translates.</source>
        <translation>中文默认剂量需要有对应的英文默认剂量。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="8"/>
        <source>A care program needs at least one item, each with English text.</source>
        <translation>护理计划至少需要一个条目，且每个条目都要有英文内容。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="9"/>
        <source>A chosen care team member is not a staff member of this clinic.</source>
        <translation>所选的诊疗团队成员不是本诊所的工作人员。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="11"/>
        <source>A new workup starts as &apos;planned&apos; or &apos;ordered&apos;.</source>
        <translation>新检查的状态只能是“计划中”或“已开单”。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="12"/>
        <source>A passphrase needs at least {count} characters.</source>
        <translation>密码短语至少需要 {count} 个字符。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="13"/>
        <source>A password may not start or end with spaces.</source>
        <translation>密码不能以空格开头或结尾。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="14"/>
        <source>A password needs at least {count} characters.</source>
        <translation>密码至少需要 {count} 个字符。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="15"/>
        <source>A review needs the reviewing clinician.</source>
        <translation>审阅需要指定审阅医生。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="16"/>
        <source>A session on {date} cannot be attended yet.</source>
        <translation>{date} 的治疗尚未到来，不能标记为已到。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="17"/>
        <source>A session that is &apos;{current}&apos; cannot become &apos;{target}&apos;; allowed: none.</source>
        <translation>状态为“{current}”的治疗不能改为“{target}”；不允许任何变更。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="18"/>
        <source>A session that is &apos;{current}&apos; cannot become &apos;{target}&apos;; allowed: {allowed}.</source>
        <translation>状态为“{current}”的治疗不能改为“{target}”；可改为：{allowed}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="19"/>
        <source>A sheet&apos;s items and days are whole numbers counted from 0.</source>
        <translation>记录单的项目和日期是从 0 开始计数的整数。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="19"/>
        <source>A worklist page needs a non-negative offset and limit.</source>
        <translation>工作清单分页的偏移量和数量不能为负数。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="20"/>
        <source>A workup type with code {code!r} already exists.</source>
        <translation>代码为 {code!r} 的检查类型已存在。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="21"/>
        <source>An account with the {role} role may not {action}; nothing was changed.</source>
        <translation>{role}角色的账户无权{action}；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="22"/>
        <source>A {what} that is &apos;{current}&apos; cannot become &apos;{target}&apos;; allowed next: none (it is closed).</source>
        <translation>状态为“{current}”的{what}不能改为“{target}”；它已结束，不能再变更。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="25"/>
        <source>A {what} that is &apos;{current}&apos; cannot become &apos;{target}&apos;; allowed next: {allowed}.</source>
        <translation>状态为“{current}”的{what}不能改为“{target}”；下一步可为：{allowed}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="26"/>
        <source>ALSDESK_AUDIT_KEY is too short; use 32 random bytes (64 hex characters).</source>
        <translation>ALSDESK_AUDIT_KEY 太短；请使用 32 个随机字节（64 个十六进制字符）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="27"/>
        <source>ALSDESK_AUDIT_KEY must be hexadecimal (64 characters).</source>
        <translation>ALSDESK_AUDIT_KEY 必须是十六进制（64 个字符）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="28"/>
        <source>ALSDESK_PG_SSLMODE={value!r} is not an sslmode; use one of {allowed}.</source>
        <translation>ALSDESK_PG_SSLMODE={value!r} 不是有效的 sslmode；请使用以下之一：{allowed}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="29"/>
        <source>ALSFRS-R item 5: score exactly one of 5a (no gastrostomy) or 5b (gastrostomy)</source>
        <translation>ALSFRS-R 第 5 项：5a（无胃造瘘）与 5b（有胃造瘘）只能评其中一项</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="30"/>
        <source>ALSFRS-R item {item!r} is not an item of the scale</source>
        <translation>ALSFRS-R 量表中没有条目 {item!r}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="31"/>
        <source>ALSFRS-R item {item} is missing</source>
        <translation>缺少 ALSFRS-R 第 {item} 项</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="32"/>
        <source>ALSFRS-R item {item} must be a whole number from 0 to 4, not {value!r}</source>
        <translation>ALSFRS-R 第 {item} 项必须是 0 到 4 的整数，而不是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="33"/>
        <source>ALSFRS-R items must be a mapping of item keys to scores</source>
        <translation>ALSFRS-R 条目必须是条目编号到评分的对应表</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="38"/>
        <source>Another workstation changed this record after you opened it; nothing was saved. Reload it to see the change, then make your edit again.</source>
        <translation>您打开此记录后，另一台工作站修改了它；您的修改未保存。请重新加载查看变更，然后再次编辑。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="42"/>
        <source>Another workstation was saving at the same moment and this save was rolled back; nothing was saved. Try again.</source>
        <translation>另一台工作站同时在保存，本次保存已回滚；未保存任何内容。请重试。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="49"/>
        <source>Cannot encrypt {path}: {reason}. The database was left as it was.</source>
        <translation>无法加密 {path}：{reason}。数据库保持原样。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="50"/>
        <source>Cannot read or create the audit key {path}: {reason}.</source>
        <translation>无法读取或创建审计密钥 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="110"/>
        <source>The audit key in {source} is not this clinic&apos;s: audit entry {seq} was not made with it, so nothing was saved. Copy the clinic&apos;s audit key there; if it is already the clinic&apos;s, run `alsdesk audit verify`.</source>
        <translation>{source} 中的审计密钥不是本诊所的：审计条目 {seq} 不是用它生成的，因此没有保存任何内容。请把本诊所的审计密钥复制到那里；如果它已是本诊所的密钥，请运行 `alsdesk audit verify`。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="178"/>
        <source>This workstation has no audit key for this clinic ({path} is missing), so nothing can be saved. Copy the clinic&apos;s audit.key there, or set ALSDESK_AUDIT_KEY to it.</source>
        <translation>本工作站没有本诊所的审计密钥（缺少 {path}），因此无法保存任何内容。请把本诊所的 audit.key 复制到那里，或将 ALSDESK_AUDIT_KEY 设为该密钥。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="197"/>
        <source>audit entry {seq} is missing (deleted)</source>
        <translation>审计条目 {seq} 缺失（已被删除）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="198"/>
        <source>audit entry {seq} is not the one the backup {backup} holds there: an older copy of the database was put in place and written to since</source>
        <translation>审计条目 {seq} 与备份 {backup} 中该位置的条目不同：有人换上了较旧的数据库副本，并在其后继续写入</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="202"/>
        <source>audit entry {seq} is not the one this workstation saw there: an older copy of the database was put in place and written to since</source>
        <translation>审计条目 {seq} 与本工作站在该位置看到的条目不同：有人换上了较旧的数据库副本，并在其后继续写入</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="206"/>
        <source>audit entry {seq} is out of order or duplicated</source>
        <translation>审计条目 {seq} 顺序错乱或重复</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="207"/>
        <source>audit entry {seq} was altered, inserted or moved</source>
        <translation>审计条目 {seq} 被修改、插入或移动过</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="209"/>
        <source>the audit trail ends at entry {head}, but the backup {backup} holds entry {seq}: at least its last entry was deleted, or an older copy of the database was put in place</source>
        <translation>审计记录止于条目 {head}，但备份 {backup} 中有条目 {seq}：至少最后 1 条被删除，或有人换上了较旧的数据库副本</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="213"/>
        <source>the audit trail ends at entry {head}, but the backup {backup} holds entry {seq}: at least its last {count} entries were deleted, or an older copy of the database was put in place</source>
        <translation>审计记录止于条目 {head}，但备份 {backup} 中有条目 {seq}：至少最后 {count} 条被删除，或有人换上了较旧的数据库副本</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="217"/>
        <source>the audit trail ends at entry {head}, but this workstation saw entry {seq}: at least its last entry was deleted, or an older copy of the database was put in place</source>
        <translation>审计记录止于条目 {head}，但本工作站曾看到条目 {seq}：至少最后 1 条被删除，或有人换上了较旧的数据库副本</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="221"/>
        <source>the audit trail ends at entry {head}, but this workstation saw entry {seq}: at least its last {count} entries were deleted, or an older copy of the database was put in place</source>
        <translation>审计记录止于条目 {head}，但本工作站曾看到条目 {seq}：至少最后 {count} 条被删除，或有人换上了较旧的数据库副本</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="225"/>
        <source>the audit trail is empty, but the backup {backup} holds entry {seq}: all its entries were deleted, or an older copy of the database was put in place</source>
        <translation>审计记录为空，但备份 {backup} 中有条目 {seq}：全部条目被删除，或有人换上了较旧的数据库副本</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="229"/>
        <source>the audit trail is empty, but this workstation saw entry {seq}: all its entries were deleted, or an older copy of the database was put in place</source>
        <translation>审计记录为空，但本工作站曾看到条目 {seq}：全部条目被删除，或有人换上了较旧的数据库副本</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="51"/>
        <source>Cannot read the key store {path}: {reason}.</source>
        <translation>无法读取密钥库 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="52"/>
        <source>Cannot read {path}: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="53"/>
        <source>Cannot write {path}: {reason}. Nothing was written.</source>
        <translation>无法写入 {path}：{reason}。未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="55"/>
        <source>Could not write a backup to {path}: {reason}</source>
        <translation>无法将备份写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="57"/>
        <source>Day {day} is not on this {count}-day sheet.</source>
        <translation>第 {day} 天不在这张 {count} 天的计划单上。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="58"/>
        <source>Diagnosis ({diagnosis}) cannot be before symptom onset ({onset}).</source>
        <translation>诊断日期（{diagnosis}）不能早于症状起病日期（{onset}）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="59"/>
        <source>Duration must be a whole number of days from 1 to 366.</source>
        <translation>疗程天数必须是 1 到 366 之间的整数。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="60"/>
        <source>Each body region can be recorded once per examination.</source>
        <translation>每次检查中每个身体区域只能记录一次。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="61"/>
        <source>Emergency access needs a signed-in staff account.</source>
        <translation>紧急访问需要已登录的工作人员账户。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="62"/>
        <source>Enter the ALSFRS-R items or at least one measurement.</source>
        <translation>请填写 ALSFRS-R 各项，或至少一项测量值。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="63"/>
        <source>Generating the demo clinic failed ({reason}); nothing was saved.</source>
        <translation>生成演示诊所失败（{reason}）；未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="64"/>
        <source>Item {item} is not on this sheet (it has {count} items).</source>
        <translation>第 {item} 项不在此计划单上（共 {count} 项）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="66"/>
        <source>Lab value must be a number of zero or more, not {value!r}.</source>
        <translation>检验值必须是大于或等于零的数字，而不是 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="67"/>
        <source>Language must be one of {allowed}, not {value!r}.</source>
        <translation>语言必须是以下之一：{allowed}，而不是 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="68"/>
        <source>MRN may hold only letters, digits and - _ / . (up to 40 characters).</source>
        <translation>病历号只能包含字母、数字和 - _ / .（最多 40 个字符）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="69"/>
        <source>MRN {mrn} is already used by another patient. Each patient needs their own MRN.</source>
        <translation>病历号 {mrn} 已被另一位患者使用。每位患者须有自己的病历号。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="70"/>
        <source>MRN {mrn} is already used by {family}, {given} (born {birth}). Each patient needs their own MRN.</source>
        <translation>病历号 {mrn} 已被 {family}, {given}（出生于 {birth}）使用。每位患者须有自己的病历号。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="73"/>
        <source>No drug with code {code!r} is in the catalog.</source>
        <translation>目录中没有代码为 {code!r} 的药物。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="74"/>
        <source>No patient has the ID {value}.</source>
        <translation>没有 ID 为 {value} 的患者。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="75"/>
        <source>No patient has the MRN {mrn!r}.</source>
        <translation>没有病历号为 {mrn!r} 的患者。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="76"/>
        <source>No such staff account.</source>
        <translation>没有此工作人员账户。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="77"/>
        <source>No {what} has the ID {value!r}.</source>
        <translation>没有 ID 为 {value!r} 的{what}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="78"/>
        <source>No {what} has the ID {value}.</source>
        <translation>没有 ID 为 {value} 的{what}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="1"/>
        <source>Nobody has an appointment on {day}: there is nothing to print.</source>
        <translation>{day} 没有任何预约：没有可打印的内容。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="79"/>
        <source>Nobody is signed in: sign in with a staff account first; nothing was read or changed.</source>
        <translation>当前无人登录：请先用工作人员账户登录；未读取或更改任何内容。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="1"/>
        <source>None of the patients seen on {day} can be given family papers.</source>
        <translation>{day} 就诊的患者均不能发放家属资料。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="82"/>
        <source>Number of sessions must be a whole number from 1 to 200.</source>
        <translation>治疗次数必须是 1 到 200 之间的整数。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="83"/>
        <source>Only a SQLite database file can be encrypted.</source>
        <translation>只有 SQLite 数据库文件可以加密。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="84"/>
        <source>Only a SQLite database file can be encrypted; PostgreSQL encrypts on the server.</source>
        <translation>只有 SQLite 数据库文件可以加密；PostgreSQL 在服务器端加密。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="85"/>
        <source>Only a referral awaiting a response has a follow-up date.</source>
        <translation>只有等待回复的转诊才有随访日期。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="86"/>
        <source>Only a scheduled or missed session can be rescheduled (this one is &apos;{status}&apos;).</source>
        <translation>只有已预约或缺席的治疗可以改期（此治疗为“{status}”）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="87"/>
        <source>Only an ordered or scheduled workup can be rescheduled (this one is &apos;{status}&apos;).</source>
        <translation>只有已开单或已预约的检查可以改期（此检查为“{status}”）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="88"/>
        <source>Paper size must be a4 or letter, not {value!r}.</source>
        <translation>纸张尺寸必须是 a4 或 letter，而不是 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="89"/>
        <source>Patient {mrn} has no active care program to print a checklist for.</source>
        <translation>患者 {mrn} 没有进行中的护理计划，无法打印打卡表。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="90"/>
        <source>Patient {mrn} has no program enrollment with the ID {value}.</source>
        <translation>患者 {mrn} 没有 ID 为 {value} 的计划入组记录。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="91"/>
        <source>Patient {mrn} has no referral with the ID {value}.</source>
        <translation>患者 {mrn} 没有 ID 为 {value} 的转诊。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="92"/>
        <source>Patient {mrn} has no referrals to print.</source>
        <translation>患者 {mrn} 没有可打印的转诊。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="93"/>
        <source>Patient {mrn} has no visit recorded at all.</source>
        <translation>患者 {mrn} 没有任何就诊记录。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="94"/>
        <source>Patient {mrn} has no visit recorded on {date}.</source>
        <translation>患者 {mrn} 在 {date} 没有就诊记录。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="95"/>
        <source>Patient {mrn} has {count} active programs; choose one: {ids}.</source>
        <translation>患者 {mrn} 有 {count} 个进行中的计划；请选择其一：{ids}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="96"/>
        <source>Patient {mrn} is recorded as deceased; no handout or checklist is printed.</source>
        <translation>患者 {mrn} 已登记为已故；不打印家属须知或打卡表。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="97"/>
        <source>Patients have no field {key!r}.</source>
        <translation>患者记录没有字段 {key!r}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="98"/>
        <source>Prescription warning: {warnings} Confirm to prescribe anyway.</source>
        <translation>处方警告：{warnings} 如仍要开药，请确认。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="99"/>
        <source>Record a date of death exactly when the status is &apos;deceased&apos;.</source>
        <translation>状态为“已故”时必须填写死亡日期，其他状态不得填写。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="100"/>
        <source>Repeat every … days must be a whole number from 1 to 365.</source>
        <translation>重复间隔天数必须是 1 到 365 之间的整数。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="101"/>
        <source>Restricted record ({mrn}): only its care team and administrators may open it.</source>
        <translation>受限病历（{mrn}）：仅其诊疗团队和管理员可以打开。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="102"/>
        <source>Restricted record ({mrn}): only its care team and administrators may open it. In an emergency, open it in the window and give a reason (audited).</source>
        <translation>受限病历（{mrn}）：仅其诊疗团队和管理员可以打开。紧急情况下，可在窗口中打开并填写理由（将记入审计）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="106"/>
        <source>Say why you need emergency access (at least a few words).</source>
        <translation>请说明需要紧急访问的理由（至少几个字）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="107"/>
        <source>Scheduling a referral needs the appointment date.</source>
        <translation>预约转诊需要填写预约日期。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="108"/>
        <source>Symptom onset ({onset}) must be before the assessment ({date}).</source>
        <translation>症状起病日期（{onset}）必须早于评估日期（{date}）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="109"/>
        <source>The audit key in {path} is damaged; restore it from your key backup.</source>
        <translation>{path} 中的审计密钥已损坏；请从密钥备份中恢复。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="115"/>
        <source>The backup copy failed its integrity check ({reason}); not kept.</source>
        <translation>备份副本未通过完整性检查（{reason}）；未保留。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="116"/>
        <source>The change conflicts with existing records and was not saved: {reason}</source>
        <translation>此更改与现有记录冲突，未保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="117"/>
        <source>The connection to the database server was lost before the save finished; nothing was saved.</source>
        <translation>保存完成前与数据库服务器的连接已断开；未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="121"/>
        <source>The database URL cannot be read; write sqlite:///FILE or postgresql+psycopg://USER@HOST/NAME.</source>
        <translation>无法识别数据库 URL；请写成 sqlite:///文件 或 postgresql+psycopg://用户@主机/库名。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="124"/>
        <source>The database could not be used: {reason}</source>
        <translation>无法使用数据库：{reason}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="125"/>
        <source>The database file is read-only; nothing was saved.</source>
        <translation>数据库文件为只读；未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="126"/>
        <source>The database is busy with another save; nothing was saved. Try again in a moment.</source>
        <translation>数据库正忙于另一项保存；未保存任何内容。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="127"/>
        <source>The database key has the wrong length; it was not used.</source>
        <translation>数据库密钥长度错误；未使用。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="128"/>
        <source>The database key has the wrong length; nothing was stored.</source>
        <translation>数据库密钥长度错误；未存储任何内容。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="130"/>
        <source>The database was not upgraded (nothing was changed): from this version no two patients&apos; MRNs may differ only in case, and these do:
{groups}
Give all but one MRN of each line a new MRN with the command shown (NEW-MRN being the new one), then open the database again.</source>
        <translation>数据库未升级（未做任何更改）：自此版本起，任意两位患者的病历号不得仅有大小写之别，而以下病历号正是如此：
{groups}
请用所示命令为每行中除一个以外的病历号换一个新病历号（NEW-MRN 即新的病历号），然后重新打开数据库。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="129"/>
        <source>The database schema is at {revision}, not {head}; run `alsdesk db upgrade`.</source>
        <translation>数据库结构版本为 {revision}，而不是 {head}；请运行 `alsdesk db upgrade`。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="134"/>
        <source>The database&apos;s schema version is damaged; restore it from a backup.</source>
        <translation>数据库的结构版本已损坏；请从备份恢复。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="135"/>
        <source>The disk is full, so nothing was saved. Free some space, then save again.</source>
        <translation>磁盘已满，未保存任何内容。请释放一些空间后再保存。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="136"/>
        <source>The encrypted copy does not hold every row; the database was left as it was.</source>
        <translation>加密副本未包含全部数据行；数据库保持原样。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="138"/>
        <source>The file is not UTF-8 text, so it is not an alsdesk export.</source>
        <translation>该文件不是 UTF-8 文本，因此不是 alsdesk 导出文件。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="139"/>
        <source>The file is not valid JSON (line {line}, column {column}: {reason}).</source>
        <translation>该文件不是有效的 JSON（第 {line} 行，第 {column} 列：{reason}）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="140"/>
        <source>The file is too large to seal.</source>
        <translation>文件太大，无法封装。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="142"/>
        <source>The first account must be an administrator.</source>
        <translation>第一个账户必须是管理员。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="143"/>
        <source>The key store uses a key derivation this version does not know.</source>
        <translation>密钥库使用了此版本无法识别的密钥派生方式。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="144"/>
        <source>The key store {path} comes from a newer alsdesk; update alsdesk to open it.</source>
        <translation>密钥库 {path} 来自更新版本的 alsdesk；请更新 alsdesk 后再打开。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="145"/>
        <source>The key store {path} is damaged; restore it from your key backup.</source>
        <translation>密钥库 {path} 已损坏；请从密钥备份中恢复。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="146"/>
        <source>The key store {path} is missing; restore it from your key backup.</source>
        <translation>密钥库 {path} 缺失；请从密钥备份中恢复。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="151"/>
        <source>The number of demo patients must be from 1 to 1,000,000.</source>
        <translation>演示患者人数必须在 1 到 1,000,000 之间。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="152"/>
        <source>The passphrase does not open {name} (or the file was altered); nothing was changed.</source>
        <translation>该密码短语无法打开 {name}（或文件已被改动）；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="153"/>
        <source>The process generating the demo clinic stopped; nothing was saved.</source>
        <translation>生成演示诊所的进程已停止；未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="154"/>
        <source>The restore failed ({reason}); the damaged file is at {damaged}.</source>
        <translation>恢复失败（{reason}）；损坏的文件位于 {damaged}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="155"/>
        <source>The restore failed ({reason}); the database was left as it was.</source>
        <translation>恢复失败（{reason}）；数据库保持原样。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="156"/>
        <source>The user name {username!r} is taken.</source>
        <translation>用户名 {username!r} 已被使用。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="157"/>
        <source>There is no account {username!r}.</source>
        <translation>没有账户 {username!r}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="158"/>
        <source>There is no file {path}.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="159"/>
        <source>There is no setting called {key!r}.</source>
        <translation>没有名为 {key!r} 的设置。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="160"/>
        <source>This database already holds patients; demo data goes only into an empty database (choose another file with --database).</source>
        <translation>此数据库已有患者；演示数据只能载入空数据库（请用 --database 选择其他文件）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="164"/>
        <source>This database has staff accounts; sign in as an administrator to load demo data.</source>
        <translation>此数据库已有工作人员账户；请以管理员身份登录后再载入演示数据。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="165"/>
        <source>This database holds tables but is not an alsdesk database; it was not changed.</source>
        <translation>此数据库含有数据表，但不是 alsdesk 数据库；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="166"/>
        <source>This database was made by a newer version of alsdesk (schema {revision}; this version knows up to {head}). Install the newer alsdesk; the file was not changed.</source>
        <translation>此数据库由更新版本的 alsdesk 创建（结构版本 {revision}；本版本最高支持 {head}）。请安装新版 alsdesk；文件未被更改。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="170"/>
        <source>This enrollment is already {status}.</source>
        <translation>此入组记录已是“{status}”状态。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="171"/>
        <source>This installation cannot encrypt databases (sqlcipher3 is missing).</source>
        <translation>此安装无法加密数据库（缺少 sqlcipher3）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="172"/>
        <source>This installation cannot open encrypted databases (sqlcipher3 is missing).</source>
        <translation>此安装无法打开加密数据库（缺少 sqlcipher3）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="173"/>
        <source>This is the last active administrator; make another one first.</source>
        <translation>这是最后一个在用的管理员账户；请先另建一个管理员。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="174"/>
        <source>This item was already dismissed.</source>
        <translation>此条目已被移除。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="175"/>
        <source>This medication was already stopped on {date}.</source>
        <translation>此药物已于 {date} 停用。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="176"/>
        <source>This patient already has this program starting on that date.</source>
        <translation>该患者在该日期已有同一护理计划开始。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="177"/>
        <source>This record is not restricted; open it as usual.</source>
        <translation>此记录不受限；请照常打开。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="182"/>
        <source>This {what} was changed on another workstation after you opened it (version {version}, yours {expected}); nothing was saved. Reload it and try again.</source>
        <translation>您打开此{what}后，它已在另一台工作站上被修改（版本 {version}，您的版本 {expected}）；您的修改未保存。请重新加载后再试。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="186"/>
        <source>This {what} was changed on another workstation after you opened it: {changes}; nothing was saved. Reload it and try again.</source>
        <translation>您打开此{what}后，它已在另一台工作站上被修改：{changes}；您的修改未保存。请重新加载后再试。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="193"/>
        <source>alsdesk cannot use the database driver {driver}; write sqlite:///FILE or postgresql+psycopg://USER@HOST/NAME.</source>
        <translation>alsdesk 不支持数据库驱动 {driver}；请写成 sqlite:///文件 或 postgresql+psycopg://用户@主机/库名。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/widgets/worker.py" line="24"/>
        <source>Unexpected error ({kind}: {reason}); see the log.</source>
        <translation>意外错误（{kind}：{reason}）；详见日志。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="1"/>
        <source>Unknown document kind {kind!r}.</source>
        <translation>未知的文件类型 {kind!r}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="190"/>
        <source>Unknown measurement {key!r}.</source>
        <translation>未知的测量项 {key!r}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="191"/>
        <source>Upper limit of normal must be a positive number.</source>
        <translation>正常值上限必须是正数。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="192"/>
        <source>User name: 2–64 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>用户名：2–64 个小写字母、数字、“.”、“_”或“-”。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="233"/>
        <source>the encrypted copy does not hold every row</source>
        <translation>加密副本未包含全部数据行</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="234"/>
        <source>{code!r} is not a drug in the catalog.</source>
        <translation>{code!r} 不是目录中的药物。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="237"/>
        <source>{drug} was started on {started}, after the date of death ({death}): correct the date of death or that prescription first.</source>
        <translation>{drug} 的开始日期为 {started}，晚于死亡日期（{death}）：请先更正死亡日期或该处方。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="235"/>
        <source>{drug} is not running for this patient: there is nothing to stop.</source>
        <translation>该患者未在使用{drug}：没有可停用的药物。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="235"/>
        <source>{code!r} is not a workup type in the catalog.</source>
        <translation>{code!r} 不是目录中的检查类型。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="236"/>
        <source>{code!r} is not an active care program template.</source>
        <translation>{code!r} 不是在用的护理计划模板。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="242"/>
        <source>{key!r} is not a worklist item.</source>
        <translation>{key!r} 不是工作清单条目。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="243"/>
        <source>{kind!r} is not a kind of worklist item.</source>
        <translation>{kind!r} 不是工作清单条目的类别。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="244"/>
        <source>{name} has a damaged header; it cannot be opened.</source>
        <translation>{name} 的文件头已损坏，无法打开。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="245"/>
        <source>{name} has data after its end, so it was altered; nothing was changed.</source>
        <translation>{name} 在结尾之后还有数据，说明已被改动；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="246"/>
        <source>{name} is cut short or altered; nothing was changed.</source>
        <translation>{name} 不完整或已被改动；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="247"/>
        <source>{name} is not a sealed alsdesk file.</source>
        <translation>{name} 不是 alsdesk 封装文件。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="248"/>
        <source>{name} was altered after it was sealed; nothing was changed.</source>
        <translation>{name} 在封装后被改动过；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="249"/>
        <source>{name} was sealed by a newer alsdesk (format {version}); update alsdesk to open it.</source>
        <translation>{name} 由更新版本的 alsdesk 封装（格式 {version}）；请更新 alsdesk 后再打开。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="250"/>
        <source>{path} cannot be opened with this key: the key store belongs to another database or the file&apos;s first page is damaged. It was not changed; restore it from a backup if the damage persists.</source>
        <translation>无法用此密钥打开 {path}：密钥库属于另一个数据库，或文件首页已损坏。文件未被更改；如损坏持续存在，请从备份恢复。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="254"/>
        <source>{path} cannot be read ({reason}); it was not changed.</source>
        <translation>无法读取 {path}（{reason}）；文件未被更改。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="255"/>
        <source>{path} cannot be read ({reason}); no backup was taken.</source>
        <translation>无法读取 {path}（{reason}）；未进行备份。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="260"/>
        <source>{path} failed its integrity check ({reason}); restore it from a backup. The file was not changed.</source>
        <translation>{path} 未通过完整性检查（{reason}）；请从备份恢复。文件未被更改。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="263"/>
        <source>{path} fails its integrity check ({reason}); no backup was taken, so the existing good backups are kept.</source>
        <translation>{path} 未通过完整性检查（{reason}）；未进行备份，现有的完好备份均予保留。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="269"/>
        <source>{path} is a folder; name the database file inside it.</source>
        <translation>{path} 是一个文件夹；请指定其中的数据库文件。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="274"/>
        <source>{path} is already encrypted.</source>
        <translation>{path} 已经加密。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="275"/>
        <source>{path} is damaged ({reason}); restore it from a backup. The file was not changed.</source>
        <translation>{path} 已损坏（{reason}）；请从备份恢复。文件未被更改。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="276"/>
        <source>{path} is encrypted: sign in to open it (alsdesk --user NAME, password from ALSDESK_PASSWORD or a prompt). It was not changed.</source>
        <translation>{path} 已加密：请登录后打开（alsdesk --user 用户名，密码取自 ALSDESK_PASSWORD 或提示输入）。文件未被更改。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="280"/>
        <source>{path} is locked by another program; try again later.</source>
        <translation>{path} 被另一个程序锁定；请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="285"/>
        <source>{path} is not a plain alsdesk database; nothing was changed.</source>
        <translation>{path} 不是未加密的 alsdesk 数据库；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="286"/>
        <source>{path} is not an alsdesk database (it is another kind of file, or encrypted without its key store beside it); it was not changed.</source>
        <translation>{path} 不是 alsdesk 数据库（它是其他类型的文件，或已加密但旁边没有其密钥库）；文件未被更改。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="290"/>
        <source>{path} is on a network share ({share}), where SQLite can lose data. Keep the file on this computer&apos;s own disk, or point every workstation at one PostgreSQL server.</source>
        <translation>{path} 位于网络共享（{share}）上，SQLite 在此可能丢失数据。请将文件保存在本机磁盘上，或让所有工作站连接同一台 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="299"/>
        <source>{value!r} is not a body region ({allowed}).</source>
        <translation>{value!r} 不是身体区域（{allowed}）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="300"/>
        <source>{value!r} is not a screening sign.</source>
        <translation>{value!r} 不是筛查体征。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="301"/>
        <source>{what} ({value}) cannot be after {limit}.</source>
        <translation>{what}（{value}）不能晚于 {limit}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="302"/>
        <source>{what} ({value}) cannot be before the birth date ({birth}).</source>
        <translation>{what}（{value}）不能早于出生日期（{birth}）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="303"/>
        <source>{what} ({value}) cannot be before {limit}.</source>
        <translation>{what}（{value}）不能早于 {limit}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="305"/>
        <source>{what} is required.</source>
        <translation>请填写{what}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="306"/>
        <source>{what} is too long ({length} characters; at most {limit}).</source>
        <translation>{what}过长（{length} 个字符；最多 {limit} 个）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="307"/>
        <source>{what} must be a date (YYYY-MM-DD).</source>
        <translation>{what}必须是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="308"/>
        <source>{what} must be a number from {low} to {high}, not {value!r}.</source>
        <translation>{what}必须是 {low} 到 {high} 之间的数字，而不是 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="309"/>
        <source>{what} must be a real date written YYYY-MM-DD, not {value!r}.</source>
        <translation>{what}必须是按 YYYY-MM-DD 书写的真实日期，而不是 {value!r}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="310"/>
        <source>{what} must be between {low:g} and {high:g}.</source>
        <translation>{what}必须在 {low:g} 到 {high:g} 之间。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="311"/>
        <source>{what} must be one of: {allowed} (got {value!r}).</source>
        <translation>{what}必须是以下之一：{allowed}（收到 {value!r}）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="312"/>
        <source>{what} must be text.</source>
        <translation>{what}必须是文本。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="313"/>
        <source>{what} must be yes or no.</source>
        <translation>{what}必须为“是”或“否”。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="314"/>
        <source>{what} {value!r} is not a phone number (digits, spaces, + - ( ) only).</source>
        <translation>{what} {value!r} 不是电话号码（只能包含数字、空格和 + - ( )）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="298"/>
        <source>{path}: {message}</source>
        <translation>导入文件中的 {path}：{message}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="65"/>
        <source>Its last step (to &apos;{status}&apos;) cannot be reverted.</source>
        <translation>其上一步（变为“{status}”）不能撤回。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="56"/>
        <source>Day {day} ({value}) is after today: it cannot be ticked yet.</source>
        <translation>第 {day} 天（{value}）晚于今天：还不能打勾。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="46"/>
        <source>Cannot change the key of {path}: {reason}. It still opens with the old key; run the command again.</source>
        <translation>无法更换 {path} 的密钥：{reason}。它仍可用旧密钥打开；请再次运行该命令。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="120"/>
        <source>The copy under the new key does not hold every row; {path} was left as it was.</source>
        <translation>用新密钥加密的副本缺少部分记录；{path} 保持原样。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="147"/>
        <source>The last key change is not finished: {waiting} still open the database with the old key and get the new one at their next sign-in. Disable the accounts that will not sign in again (alsdesk user disable NAME), then change the key again.</source>
        <translation>上一次密钥更换尚未完成：{waiting} 仍用旧密钥打开数据库，并将在下次登录时获得新密钥。请停用不会再登录的账户（alsdesk user disable NAME），然后再更换密钥。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="208"/>
        <source>it does not open with the old key</source>
        <translation>无法用旧密钥打开</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="267"/>
        <source>{path} holds no clinic (it is empty); it cannot be restored.</source>
        <translation>{path} 中没有诊所数据（是空的），无法用于恢复。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="268"/>
        <source>{path} holds no clinic yet; no backup was taken.</source>
        <translation>{path} 中还没有诊所数据；未进行备份。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="281"/>
        <source>{path} is missing or empty, but backups of it exist in {folder}; alsdesk will not start a new, empty clinic in its place. (To start afresh on purpose, move the backups folder away first.)</source>
        <translation>{path} 丢失或为空，但 {folder} 中有它的备份；alsdesk 不会在原处新建一个空诊所。（如确需重新开始，请先把备份文件夹移走。）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="10"/>
        <source>A demo clinic is dated from {first} to today ({today}), not {day}.</source>
        <translation>演示诊所的日期须在 {first} 到今天（{today}）之间，不能是 {day}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="137"/>
        <source>The file holds a number too long to read ({reason}).</source>
        <translation>文件中有一个数字过长，无法读取（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="141"/>
        <source>The file nests lists or objects too deeply to be an alsdesk export.</source>
        <translation>文件中的列表或对象嵌套过深，不是 alsdesk 导出文件。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="237"/>
        <source>{field} ({table}) breaks the rule {rule}; nothing was saved.</source>
        <translation>{field}（{table}）不符合规则 {rule}；未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="256"/>
        <source>{path} cannot be used as a database file: its symbolic links form a loop or cannot be followed ({reason}).</source>
        <translation>{path} 不能用作数据库文件：其符号链接形成循环或无法跟随（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="294"/>
        <source>{path} is on a read-only disk or in a folder that cannot be written (SQLite writes its journal beside the file); it was not changed. Make the folder writable, or copy the file to one that is.</source>
        <translation>{path} 位于只读磁盘上，或所在文件夹不可写入（SQLite 需要在文件旁写入日志）；文件未被更改。请使该文件夹可写，或将文件复制到可写的文件夹中。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="304"/>
        <source>{what} contains a control or invalid character ({character!r}).</source>
        <translation>{what}含有控制字符或无效字符（{character!r}）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="89"/>
        <source>Patient {mrn} died on {date}; a care program cannot start after that.</source>
        <translation>患者 {mrn} 已于 {date} 去世；此后不能开始护理计划。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="159"/>
        <source>The {program} program ended on {date}: no checklist is printed for days after its end.</source>
        <translation>{program}计划已于 {date} 结束：结束之后的日子不再打印打卡表。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="305"/>
        <source>{what} has no {value!r}; use {allowed}.</source>
        <translation>{what}没有 {value!r}；可用：{allowed}。</translation>
    </message>
</context>
<context>
    <name>exit_backup</name>
    <message>
        <location filename="../../alsdesk/ui/exit_backup.py" line="24"/>
        <source>Checking and backing up the database…</source>
        <translation>正在检查并备份数据库…</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/exit_backup.py" line="25"/>
        <source>Closing alsdesk</source>
        <translation>正在关闭 alsdesk</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/exit_backup.py" line="58"/>
        <source>The exit backup was not taken</source>
        <translation>未完成退出备份</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/exit_backup.py" line="59"/>
        <source>alsdesk checked the database before closing and did not back it up: {0}</source>
        <translation>alsdesk 在关闭前检查了数据库，未进行备份：{0}</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="332"/>
        <source>Chinese purpose</source>
        <translation>中文用途</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="330"/>
        <source>Chinese facts</source>
        <translation>中文说明</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="329"/>
        <source>Chinese default dose</source>
        <translation>中文默认剂量</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="319"/>
        <source>ALT at or above (× ULN): stop riluzole</source>
        <translation>ALT 达到或超过（× 正常上限）：停用利鲁唑</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="320"/>
        <source>ALT upper limit of normal (U/L), for a lab without its own</source>
        <translation>ALT 正常上限（U/L），用于未注明上限的化验</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="340"/>
        <source>Edaravone IV: cycles of infusion sessions scheduled when prescribed</source>
        <translation>依达拉奉注射液：开药时安排的输注疗程数</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="325"/>
        <source>Baseline ALT above (× ULN): confirm before starting riluzole</source>
        <translation>基线 ALT 超过（× 正常上限）：开始利鲁唑前需确认</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="326"/>
        <source>Baseline ALT taken within (days) before starting riluzole</source>
        <translation>开始利鲁唑前多少天内的 ALT 算作基线（天）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="320"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="321"/>
        <source>Appointment date</source>
        <translation>预约日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="322"/>
        <source>Approval status</source>
        <translation>批准状态</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="323"/>
        <source>Assessment date</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="324"/>
        <source>Awaji rules applied</source>
        <translation>是否采用 Awaji 标准</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="325"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="326"/>
        <source>Caregiver name</source>
        <translation>照护者姓名</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="327"/>
        <source>Caregiver phone</source>
        <translation>照护者电话</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="328"/>
        <source>Caregiver relation</source>
        <translation>与照护者关系</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="331"/>
        <source>Chinese name</source>
        <translation>中文名</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="333"/>
        <source>Clinic name</source>
        <translation>诊所名称</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="334"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="335"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="336"/>
        <source>Date of death</source>
        <translation>死亡日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="337"/>
        <source>Date returned</source>
        <translation>交回日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="338"/>
        <source>Date taken</source>
        <translation>采样日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="339"/>
        <source>Death</source>
        <translation>死亡日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="340"/>
        <source>Default dose</source>
        <translation>默认剂量</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="341"/>
        <source>Destination</source>
        <translation>去向</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="342"/>
        <source>Diagnosis</source>
        <translation>诊断日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="343"/>
        <source>Diagnosis date</source>
        <translation>诊断日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="344"/>
        <source>Discipline</source>
        <translation>专业</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="345"/>
        <source>Document kind</source>
        <translation>文书类型</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="346"/>
        <source>Dose</source>
        <translation>剂量</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="347"/>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="348"/>
        <source>El Escorial category</source>
        <translation>El Escorial 分级</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="349"/>
        <source>Emergency (break-glass) access lasts (hours)</source>
        <translation>紧急（破窗）访问有效期（小时）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="350"/>
        <source>Evidence level</source>
        <translation>证据级别</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="351"/>
        <source>Examination date</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="352"/>
        <source>FVC (% predicted)</source>
        <translation>FVC（预计值 %）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="353"/>
        <source>FVC below (% predicted): discuss NIV</source>
        <translation>FVC 低于（预计值 %）：讨论无创通气</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="355"/>
        <source>Facility</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="356"/>
        <source>Facts</source>
        <translation>事实</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="357"/>
        <source>Family history</source>
        <translation>家族史</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="358"/>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="359"/>
        <source>Findings</source>
        <translation>检查所见</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="360"/>
        <source>Follow-up date</source>
        <translation>随访日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="361"/>
        <source>From specialty</source>
        <translation>转出科室</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="362"/>
        <source>Genetics</source>
        <translation>基因检测</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="363"/>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="364"/>
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="365"/>
        <source>Gold Coast criteria met</source>
        <translation>是否符合 Gold Coast 标准</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="366"/>
        <source>Handout language</source>
        <translation>家属须知语言</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="367"/>
        <source>Height (cm)</source>
        <translation>身高（cm）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="368"/>
        <source>Interpretation</source>
        <translation>解读</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="370"/>
        <source>Kind of note</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="371"/>
        <source>Lock the window after idle (minutes)</source>
        <translation>空闲后锁定窗口（分钟）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="372"/>
        <source>MRN</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="373"/>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="374"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="375"/>
        <source>New date</source>
        <translation>新日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="376"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="377"/>
        <source>Onset region</source>
        <translation>起病部位</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="378"/>
        <source>Order date</source>
        <translation>开单日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="379"/>
        <source>Paper size</source>
        <translation>纸张尺寸</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="380"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="381"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="382"/>
        <source>Questions</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="383"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="384"/>
        <source>Reason for dismissing</source>
        <translation>移除理由</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="385"/>
        <source>Reason for stopping</source>
        <translation>停用理由</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="386"/>
        <source>Reassessment due after (days)</source>
        <translation>复评间隔（天）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="387"/>
        <source>Recipient</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="388"/>
        <source>Recommendations</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="389"/>
        <source>Referral date</source>
        <translation>转诊日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="390"/>
        <source>Requested service</source>
        <translation>申请的服务</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="391"/>
        <source>Required genetics</source>
        <translation>所需基因型</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="392"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="393"/>
        <source>Review a result within (days)</source>
        <translation>结果审阅时限（天）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="394"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="395"/>
        <source>Routine referral follow-up (days)</source>
        <translation>常规转诊随访（天）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="396"/>
        <source>SNIP (cmH2O)</source>
        <translation>SNIP（cmH2O）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="397"/>
        <source>SNIP below (cmH2O): discuss NIV</source>
        <translation>SNIP 低于（cmH2O）：讨论无创通气</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="398"/>
        <source>Screening date</source>
        <translation>筛查日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="399"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="400"/>
        <source>SpO2 (%)</source>
        <translation>SpO2（%）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="401"/>
        <source>SpO2 below (%): blood gas, no lung disease</source>
        <translation>SpO2 低于（%）：血气分析，无肺部疾病</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="402"/>
        <source>SpO2 below (%): blood gas, with lung disease</source>
        <translation>SpO2 低于（%）：血气分析，有肺部疾病</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="403"/>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="404"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="405"/>
        <source>Stop date</source>
        <translation>停用日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="406"/>
        <source>Symptom onset</source>
        <translation>症状起病日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="407"/>
        <source>Symptom onset date</source>
        <translation>症状起病日期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="408"/>
        <source>Test</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="409"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="410"/>
        <source>The reason for emergency access</source>
        <translation>紧急访问理由</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="411"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="412"/>
        <source>To specialty</source>
        <translation>转入科室</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="413"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="415"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="416"/>
        <source>Urgent referral follow-up (days)</source>
        <translation>紧急转诊随访（天）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="417"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="418"/>
        <source>Weight (kg)</source>
        <translation>体重（kg）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="419"/>
        <source>Weight loss from diagnosis (%): dietitian review</source>
        <translation>自诊断起体重下降（%）：营养师评估</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="420"/>
        <source>Weight loss from diagnosis (%): discuss gastrostomy</source>
        <translation>自诊断起体重下降（%）：讨论胃造瘘</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="421"/>
        <source>What was done</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="422"/>
        <source>alert</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="423"/>
        <source>assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="425"/>
        <source>enrollment</source>
        <translation>入组记录</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="426"/>
        <source>medication</source>
        <translation>用药</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="427"/>
        <source>patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="428"/>
        <source>program sheet</source>
        <translation>计划单</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="429"/>
        <source>referral</source>
        <translation>转诊</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="430"/>
        <source>staff member</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="431"/>
        <source>therapy plan</source>
        <translation>治疗计划</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="432"/>
        <source>therapy session</source>
        <translation>治疗</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="433"/>
        <source>workup</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="424"/>
        <source>care program enrollment</source>
        <translation>护理项目登记</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="369"/>
        <source>Keep pre-restore, pre-encrypt and pre-upgrade copies (days)</source>
        <translation>恢复前、加密前和升级前的安全副本保留天数</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="414"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="339"/>
        <source>Collect a program sheet within (days after its end)</source>
        <translation>计划结束后收回打卡表的期限（天）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="380"/>
        <source>Needs intervention</source>
        <translation>所需干预措施</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="319"/>
        <source>ALSFRS-R decline (points per month): rapid decline</source>
        <translation>ALSFRS-R 下降速度（分/月）：快速进展</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="320"/>
        <source>ALSFRS-R fall between the two latest visits (points): rapid decline</source>
        <translation>最近两次就诊间 ALSFRS-R 下降（分）：快速进展</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="355"/>
        <source>FVC below (% predicted) with respiratory symptoms: discuss NIV</source>
        <translation>有呼吸症状时 FVC 低于（预计值 %）：讨论无创通气</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="357"/>
        <source>FVC below (%): gastrostomy carries more risk</source>
        <translation>FVC 低于（%）：胃造瘘风险增加</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="358"/>
        <source>FVC below (%): gastrostomy high risk</source>
        <translation>FVC 低于（%）：胃造瘘高风险</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="359"/>
        <source>FVC fall since NIV started (percentage points): review NIV settings</source>
        <translation>开始无创通气后 FVC 下降（百分点）：复核无创通气参数</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="377"/>
        <source>Lung disease</source>
        <translation>肺部疾病</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="398"/>
        <source>Respiratory symptoms</source>
        <translation>呼吸症状</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="404"/>
        <source>SNIP below (cmH2O) with respiratory symptoms, men, other or unknown sex: discuss NIV</source>
        <translation>有呼吸症状时 SNIP 低于（cmH2O，男性、其他或未知性别）：讨论无创通气</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="404"/>
        <source>SNIP below (cmH2O) with respiratory symptoms, women: discuss NIV</source>
        <translation>有呼吸症状时 SNIP 低于（cmH2O，女性）：讨论无创通气</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="407"/>
        <source>SNIP fall (cmH2O) from the recent highest: discuss NIV</source>
        <translation>SNIP 较近期最高值下降（cmH2O）：讨论无创通气</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="408"/>
        <source>SNIP fall: compared with the preceding (days)</source>
        <translation>SNIP 下降：与此前多少天内比较（天）</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="44"/>
        <source>appears twice in the file</source>
        <translation>在文件中出现了两次</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="39"/>
        <source>is missing</source>
        <translation>缺少该字段</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="45"/>
        <source>is not a record table</source>
        <translation>不是记录表</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="43"/>
        <source>is not part of the format</source>
        <translation>不属于该格式</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="42"/>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="41"/>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="47"/>
        <source>must be an object with &quot;patient&quot; and &quot;records&quot;</source>
        <translation>必须是包含 &quot;patient&quot; 和 &quot;records&quot; 的对象</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="46"/>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="40"/>
        <source>must not be null</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="49"/>
        <source>refers to a staff that is not in the file or the database</source>
        <translation>引用的工作人员既不在文件中也不在数据库中</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/admin/exchange_page.py" line="48"/>
        <source>this patient is already in the database</source>
        <translation>该患者已在数据库中</translation>
    </message>
</context>
<context>
    <name>keys</name>
    <message>
        <location filename="../../alsdesk/ui/widgets/keys.py" line="68"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/widgets/keys.py" line="93"/>
        <source>OK (Ctrl+Enter)</source>
        <translation>确定 (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>language</name>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="179"/>
        <location filename="../../alsdesk/ui/i18n/texts.py" line="38"/>
        <source>en</source>
        <translation>zh_CN</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="117"/>
        <source>{drug} has been withdrawn from the market. {facts}</source>
        <translation>{drug}已撤市。{facts}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="118"/>
        <source>{drug} is only for {gene}-ALS, and no {gene} variant is documented for this patient (genetics: {genetics}).</source>
        <translation>{drug}仅用于 {gene} 突变型 ALS，而该患者未记录 {gene} 变异（基因检测：{genetics}）。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="144"/>
        <source>FVC {fvc}% predicted (below {fvc_limit}%): discuss NIV; refer to respiratory service</source>
        <translation>FVC 为预计值的 {fvc}%（低于 {fvc_limit}%）：讨论无创通气；转诊呼吸科</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="147"/>
        <source>SNIP {snip} cmH2O (below {snip_limit}): discuss NIV; refer to respiratory service</source>
        <translation>SNIP {snip} cmH2O（低于 {snip_limit}）：讨论无创通气；转诊呼吸科</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="140"/>
        <source>FVC {fvc}% predicted (below {fvc_limit}%); SNIP {snip} cmH2O (below {snip_limit}): discuss NIV; refer to respiratory service</source>
        <translation>FVC 为预计值的 {fvc}%（低于 {fvc_limit}%）；SNIP {snip} cmH2O（低于 {snip_limit}）：讨论无创通气；转诊呼吸科</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="123"/>
        <source>SpO2 {spo2}% (below {limit}%, with lung disease): arterial blood gas needed</source>
        <translation>SpO2 {spo2}%（低于 {limit}%，有肺部疾病）：需查动脉血气</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="122"/>
        <source>SpO2 {spo2}% (below {limit}%, no lung disease): arterial blood gas needed</source>
        <translation>SpO2 {spo2}%（低于 {limit}%，无肺部疾病）：需查动脉血气</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="132"/>
        <source>Weight down {loss}% since diagnosis ({baseline} → {weight} kg): discuss gastrostomy; dietitian review</source>
        <translation>体重自确诊以来下降 {loss}%（{baseline} → {weight} kg）：讨论胃造瘘；营养师评估</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="136"/>
        <source>Weight down {loss}% since diagnosis ({baseline} → {weight} kg): discuss gastrostomy; dietitian review. FVC {fvc}% (below {fvc_limit}%): gastrostomy riskier</source>
        <translation>体重自确诊以来下降 {loss}%（{baseline} → {weight} kg）：讨论胃造瘘；营养师评估。FVC {fvc}%（低于 {fvc_limit}%）：胃造瘘风险较高</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="131"/>
        <source>Weight down {loss}% since diagnosis ({baseline} → {weight} kg): dietitian review</source>
        <translation>体重自确诊以来下降 {loss}%（{baseline} → {weight} kg）：营养师评估</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="127"/>
        <source>ALSFRS-R fell {drop} points since the last visit ({previous} → {total}): rapid decline: review plan</source>
        <translation>ALSFRS-R 较上次就诊下降 {drop} 分（{previous} → {total}）：进展迅速，请复核方案</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="162"/>
        <source>ALT {value} is {multiple} × ULN (≥ {limit} ×): stop riluzole</source>
        <translation>ALT {value} 为 ULN 的 {multiple} 倍（≥ {limit} 倍）：停用利鲁唑</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="169"/>
        <source>{workup} resulted on {date}; not reviewed within {days}</source>
        <translation>{workup} 已于 {date} 出结果；{days}内未审阅</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="168"/>
        <source>{workup} {status}, due {date}, not performed ({days} overdue)</source>
        <translation>{workup} {status}，应于 {date} 完成，尚未检查（逾期 {days}）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="167"/>
        <source>{workup} {status}, due today</source>
        <translation>{workup} {status}，今日到期</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="158"/>
        <source>{urgency} referral to {discipline} sent {date}: no response by {due}; follow up</source>
        <translation>{urgency}转诊至{discipline}，{date} 发出：截至 {due} 未回复；请跟进</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="159"/>
        <source>{urgency} referral to {discipline} at {facility} sent {date}: no response by {due}; follow up</source>
        <translation>{urgency}转诊至{facility}{discipline}，{date} 发出：截至 {due} 未回复；请跟进</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="151"/>
        <source>{urgency} referral to {discipline} sent {date}: received but not accepted by {due}; follow up</source>
        <translation>{urgency}转诊至{discipline}，{date} 发出：截至 {due} 已收到但未接受；请跟进</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="154"/>
        <source>{urgency} referral to {discipline} at {facility} sent {date}: received but not accepted by {due}; follow up</source>
        <translation>{urgency}转诊至{facility}{discipline}，{date} 发出：截至 {due} 已收到但未接受；请跟进</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="126"/>
        <source>No ALSFRS-R on record since diagnosis: baseline ALSFRS-R and respiratory tests due</source>
        <translation>确诊后无 ALSFRS-R 记录：需做基线 ALSFRS-R 和呼吸功能检查</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="148"/>
        <source>Last ALSFRS-R on {date}: multidisciplinary reassessment with FVC/SNIP/SpO2 due every {count} days</source>
        <translation>上次 ALSFRS-R 于 {date}：每 {count} 天需多学科复评（含 FVC/SNIP/SpO2）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="124"/>
        <source>{drug} started {date}: liver test (ALT) due {due}, scheduled month {month} (last ALT {last})</source>
        <translation>{drug} 于 {date} 开始：{due} 应查肝功能（ALT），按计划第 {month} 个月（上次 ALT {last}）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="125"/>
        <source>{drug} started {date}: baseline liver test (ALT) due {due} (none in the {count} days before starting)</source>
        <translation>{drug} 于 {date} 开始：{due} 应查基线肝功能（ALT）（开始用药前 {count} 天内未查）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="126"/>
        <source>{drug} started {date}: liver test (ALT) due {due}, monthly recheck after a raised ALT ({value} on {last}, above the upper limit {limit})</source>
        <translation>{drug} 于 {date} 开始：{due} 应查肝功能（ALT），ALT 升高后每月复查（{last} 为 {value}，高于正常上限 {limit}）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="127"/>
        <source>No ALT in the {count} days up to {date}: a baseline liver test is needed before starting {drug}.</source>
        <translation>{date} 之前 {count} 天内无 ALT 结果：开始使用{drug}前需查基线肝功能。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="128"/>
        <source>Baseline ALT {value} on {last} is {multiple} × ULN (above {limit} ×): {drug} is not for patients with transaminases this high.</source>
        <translation>{last} 的基线 ALT {value} 为正常上限的 {multiple} 倍（超过 {limit} 倍）：转氨酶如此之高的患者不宜使用{drug}。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="164"/>
        <source>{discipline}: {title} missed on {date}: rebook or dismiss</source>
        <translation>{discipline}：{title} {date} 缺席：请重新预约或移除</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="165"/>
        <source>{discipline}: {title} today</source>
        <translation>{discipline}：{title} 今日</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="166"/>
        <source>{discipline}: {title} on {date}: mark attended or missed</source>
        <translation>{discipline}：{title} {date}：请标记到诊或缺席</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="163"/>
        <source>{program} sheet ended {date}: collect it and enter the ticks</source>
        <translation>{program} 记录表已于 {date} 结束：请收回并录入勾选</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="170"/>
        <location filename="../../alsdesk/ui/i18n/texts.py" line="97"/>
        <source>1 day</source>
        <translation>1天</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="171"/>
        <location filename="../../alsdesk/ui/i18n/texts.py" line="98"/>
        <source>{0} days</source>
        <translation>{0}天</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="172"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="173"/>
        <source>This account is disabled; ask an administrator.</source>
        <translation>此账户已停用；请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="174"/>
        <source>Too many failed sign-ins: this account is locked for {minutes} more minute(s).</source>
        <translation>登录失败次数过多：此账户将再锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="175"/>
        <source>Please wait {seconds} second(s) before trying again.</source>
        <translation>请等待 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="116"/>
        <source>Restricted record</source>
        <translation>受限病历</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="117"/>
        <source>Died on {date}</source>
        <translation>于 {date} 去世</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="138"/>
        <source>FVC {fvc}% predicted; NICE NG42 criteria met: {criteria}: discuss NIV; refer to respiratory service</source>
        <translation>FVC 为预计值的 {fvc}%；符合 NICE NG42 标准：{criteria}：讨论无创通气；转诊呼吸科</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="142"/>
        <source>SNIP {snip} cmH2O; NICE NG42 criteria met: {criteria}: discuss NIV; refer to respiratory service</source>
        <translation>SNIP {snip} cmH2O；符合 NICE NG42 标准：{criteria}：讨论无创通气；转诊呼吸科</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="138"/>
        <source>FVC {fvc}% predicted, SNIP {snip} cmH2O; NICE NG42 criteria met: {criteria}: discuss NIV; refer to respiratory service</source>
        <translation>FVC 为预计值的 {fvc}%，SNIP {snip} cmH2O；符合 NICE NG42 标准：{criteria}：讨论无创通气；转诊呼吸科</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="138"/>
        <source>FVC {fvc}% predicted, down {fall} points since NIV started ({baseline}% on {date}): respiratory review of NIV settings and hours</source>
        <translation>FVC 为预计值的 {fvc}%，自开始无创通气以来下降 {fall} 个百分点（{date} 为 {baseline}%）：呼吸科复核无创通气参数和使用时长</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="131"/>
        <source>Weight down {loss}% since diagnosis ({baseline} → {weight} kg): discuss gastrostomy; dietitian review. FVC {fvc}% (below {fvc_limit}%): gastrostomy carries more risk: decide soon, consider radiologically inserted gastrostomy (RIG)</source>
        <translation>体重自确诊以来下降 {loss}%（{baseline} → {weight} kg）：讨论胃造瘘；营养师评估。FVC {fvc}%（低于 {fvc_limit}%）：胃造瘘风险增加：尽快决定，考虑放射介入胃造瘘（RIG）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="131"/>
        <source>Weight down {loss}% since diagnosis ({baseline} → {weight} kg): discuss gastrostomy; dietitian review. FVC {fvc}% (below {fvc_limit}%): gastrostomy carries high risk: decide soon, consider radiologically inserted gastrostomy (RIG)</source>
        <translation>体重自确诊以来下降 {loss}%（{baseline} → {weight} kg）：讨论胃造瘘；营养师评估。FVC {fvc}%（低于 {fvc_limit}%）：胃造瘘高风险：尽快决定，考虑放射介入胃造瘘（RIG）</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="131"/>
        <source>Weight down {loss}% since diagnosis ({baseline} → {weight} kg) on tube feeding: dietitian review of the feed</source>
        <translation>体重自确诊以来下降 {loss}%（{baseline} → {weight} kg），管饲中：营养师复核管饲方案</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="129"/>
        <source>ALSFRS-R fell {drop} points in {days} ({previous} → {total}, {rate} points/month): rapid decline: review plan</source>
        <translation>ALSFRS-R 在 {days}内下降 {drop} 分（{previous} → {total}，每月 {rate} 分）：进展迅速，请复核方案</translation>
    </message>
</context>
<context>
    <name>permissions</name>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="528"/>
        <source>export patient records</source>
        <translation>导出患者记录</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="529"/>
        <source>import patient records</source>
        <translation>导入患者记录</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="530"/>
        <source>manage staff, the clinic profile, catalogs and settings</source>
        <translation>管理工作人员、诊所资料、目录和设置</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="531"/>
        <source>open restricted records outside their care team</source>
        <translation>打开其诊疗团队以外的受限记录</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="532"/>
        <source>order, schedule and follow up care</source>
        <translation>开单、预约和跟进诊疗</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="533"/>
        <source>read the audit trail</source>
        <translation>查看审计记录</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="534"/>
        <source>record clinical findings, measurements, results and prescriptions</source>
        <translation>记录临床所见、测量值、结果和处方</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="535"/>
        <source>register or edit patients</source>
        <translation>登记或编辑患者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="536"/>
        <source>see patient records</source>
        <translation>查看患者记录</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/error_texts.py" line="537"/>
        <source>take emergency access to a restricted record</source>
        <translation>紧急访问受限记录</translation>
    </message>
</context>
<context>
    <name>programs</name>
    <message>
        <location filename="../../alsdesk/ui/programs/view.py" line="27"/>
        <source>Items ticked each day</source>
        <translation>每日勾选的项目</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/view.py" line="28"/>
        <source>Diet</source>
        <translation>饮食</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/view.py" line="29"/>
        <source>Instructions</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/view.py" line="30"/>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/programs/view.py" line="44"/>
        <source>(only for patients with {0})</source>
        <translation>（仅用于已有{0}的患者）</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../alsdesk/ui/widgets/status.py" line="39"/>
        <source>{0} saved at {1}.</source>
        <translation>{0}已于 {1} 保存。</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/widgets/status.py" line="40"/>
        <source>Saved at {0}.</source>
        <translation>已于 {0} 保存。</translation>
    </message>
</context>
<context>
    <name>timeline</name>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="36"/>
        <source>Symptom onset</source>
        <translation>症状起病</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="37"/>
        <source>Diagnosis</source>
        <translation>确诊</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="40"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="46"/>
        <location filename="../../alsdesk/ui/chart/overview.py" line="54"/>
        <source>Assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="47"/>
        <source>ALSFRS-R {0}/48</source>
        <translation>ALSFRS-R {0}/48</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="55"/>
        <source>Measurements</source>
        <translation>测量</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="62"/>
        <source>Workup</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="67"/>
        <source>Referral</source>
        <translation>转诊</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="75"/>
        <location filename="../../alsdesk/ui/chart/overview.py" line="83"/>
        <source>Medication</source>
        <translation>用药</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="76"/>
        <source>Started {0} {1}</source>
        <translation>开始 {0} {1}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="84"/>
        <source>Stopped {0}: {1}</source>
        <translation>停用 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="90"/>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="94"/>
        <source>Care program</source>
        <translation>护理计划</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/chart/overview.py" line="100"/>
        <source>Alert</source>
        <translation>提醒</translation>
    </message>
</context>
<context>
    <name>worklist</name>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="99"/>
        <source>Guideline alerts</source>
        <translation>指南提醒</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="100"/>
        <source>Workups overdue</source>
        <translation>逾期检查</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="101"/>
        <source>Workups due today</source>
        <translation>今日到期检查</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="102"/>
        <source>Results awaiting review</source>
        <translation>待审阅结果</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="103"/>
        <source>Referrals awaiting a response</source>
        <translation>待回复转诊</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="104"/>
        <source>Reassessments due</source>
        <translation>待复评</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="105"/>
        <source>Drug monitoring due</source>
        <translation>待药物监测</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="106"/>
        <source>Therapy sessions today</source>
        <translation>今日治疗</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="107"/>
        <source>Therapy attendance not recorded</source>
        <translation>治疗到诊未记录</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="108"/>
        <source>Therapy sessions missed</source>
        <translation>缺席的治疗</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="109"/>
        <source>Program sheets to collect</source>
        <translation>待收回计划单</translation>
    </message>
    <message>
        <location filename="../../alsdesk/ui/i18n/code_texts.py" line="110"/>
        <source>Restricted records</source>
        <translation>受限病历</translation>
    </message>
</context>
</TS>
