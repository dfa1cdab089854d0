"""Programmes, campaigns, systems and mechanisms: made-up sentences, then the seeds."""
from __future__ import annotations


import pytest

from kg.extract.programmes import extract_programmes, merge_variants, scan_left
from kg.records import Document, Mention, Sentence

from _paths import official_scorer, seed_documents


def _doc(text: str) -> tuple[Document, list[Sentence]]:
    return Document("t", "t.txt", text, "", (), ""), [Sentence(0, 0, len(text), text, 0, None)]


def found(text: str) -> list[tuple[str, str]]:
    doc, sents = _doc(text)
    return sorted((m.label, m.attr("kind")) for m in extract_programmes(doc, sents))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("严格落实“第一议题”制度。", [("“第一议题”制度", "制度")]),
        ("严格执行重大事项请示报告制度。", [("重大事项请示报告制度", "制度")]),
        ("深入开展“干部执行力提升年”活动。", [("干部执行力提升年", "年")]),
        ("深入开展“人大代表活动月”活动。", [("“人大代表活动月”活动", "活动")]),
        ("建立健全代表联系群众工作机制。", [("代表联系群众工作机制", "机制")]),
        ("建立与政府工作互动机制。", [("与政府工作互动机制", "机制")]),
        ("建立了领导牵头督办、部门分件承办、委室综合协调的办理机制。",
         [("领导牵头督办、部门分件承办、委室综合协调的办理机制", "机制")]),
        ("探索完善“五位一体”+问题清单制监督模式。", [("“五位一体”+问题清单制监督模式", "模式")]),
        ("定期召开财经工作例会。", [("财经工作例会", "例会")]),
        ("大力实施乡村振兴战略和创新驱动发展战略。", [("乡村振兴战略", "战略"), ("创新驱动发展战略", "战略")]),
        ("扎实开展党史学习教育。", [("党史学习教育", "主题教育")]),
        ("深入开展“扫黑除恶”专项斗争。", [("“扫黑除恶”专项斗争", "专项斗争")]),
        ("在全市推行民生实事项目人大代表票决制。", [("民生实事项目人大代表票决制", "票决制")]),
        ("每月15日为代表接待日。", [("代表接待日", "日")]),
        ("深入推进“放管服”改革。", [("“放管服”改革", "改革")]),
        ("开展“七五”普法。", [("“七五”普法", "普法")]),
        ("在兴和乡进行土地经营股份制试点。", [("土地经营股份制试点", "试点")]),
        ("建立代表述职、代表评议和代表培训三项制度。",
         [("代表培训", "制度"), ("代表评议", "制度"), ("代表述职", "制度")]),
        ("构建网格化的联系服务体系。", [("网格化的联系服务体系", "体系")]),
        ("坚持每年开展人大代表集中视察。", [("人大代表集中视察", "视察")]),
        ("区人大常委会每年定期召开全面从严治党工作会议。", [("全面从严治党工作会议", "会议")]),
        ("按照“千名干部进万家”和机关党员进社区活动的要求。",
         [("千名干部进万家", "活动"), ("机关党员进社区活动", "活动")]),
        ("首次组织开展了营商环境满意度测评。", [("营商环境满意度测评", "测评")]),
        ("深化政府民生实事项目实施情况工作评议。", [("政府民生实事项目实施情况工作评议", "评议")]),
        ("启动“迎国庆、展风采”城市环境整治代表主题实践活动。",
         [("“迎国庆、展风采”城市环境整治代表主题实践活动", "活动")]),
        ("参加创建全国文明城市工作。", [("创建全国文明城市", "创建")]),
        ("通过支部“三会一课”学习。", [("三会一课", "制度")]),
        ("组织开展“两个专项行动”。", [("两个专项行动", "行动")]),
        # half-width quotes of web copies read as “…”
        ('深入开展"代表进万家"活动。', [("“代表进万家”活动", "活动")]),
        # quoted coined names governed by a verb and followed by 工作/品牌
        ("积极参与“村村通”“户户联”工作。", [("村村通", "活动"), ("户户联", "活动")]),
        # a run closed by 等 (主题) 活动
        ("深入开展“人大代表活动月”“代表进社区”等活动。", [("人大代表活动月", "活动"), ("代表进社区", "活动")]),
        ("组织开展“代表进网格”等主题活动。", [("代表进网格", "活动")]),
        ("倾力打造“人大代表在身边”品牌。", [("“人大代表在身边”品牌", "品牌")]),
        # a quote, a short noun and a head
        ("构建“1+3+N”履职服务体系。", [("“1+3+N”履职服务体系", "体系")]),
        # 和/与/、 inside a noun compound, up to the clause's governing verb
        ("健全代表议案和建议督办制度。", [("代表议案和建议督办制度", "制度")]),
        ("健全代表建议受理、转办和答复反馈机制。", [("代表建议受理、转办和答复反馈机制", "机制")]),
        # two systems sharing one verb
        ("坚持主任会议成员联系代表制度和代表述职制度。",
         [("主任会议成员联系代表制度", "制度"), ("代表述职制度", "制度")]),
        # a 、-list closed by 等 and a head
        ("探索建立代表建议集中交办、重点督办等机制。", [("代表建议集中交办", "机制"), ("重点督办", "机制")]),
        # a named pilot; 工作评议 performed (not listed among methods)
        ("听取和审议了市政府关于新型农村合作医疗试点工作情况的报告。", [("新型农村合作医疗试点", "试点")]),
        ("对市政府组成部门开展工作评议。", [("工作评议", "评议")]),
        # a review named after what it reviews; named drives (三年行动, 攻坚战, 保卫战)
        ("深化代表建议办理“回头看”，提升服务水平。", [("代表建议办理“回头看”", "回头看")]),
        ("今年是安全生产专项整治三年行动的收官之年。", [("安全生产专项整治三年行动", "行动")]),
        ("坚决打好污染防治攻坚战。", [("污染防治攻坚战", "行动")]),
        # programmes.head.after_de: a long name after a relative clause
        ("建立由分管副市长担任召集人的土壤污染防治联席会议制度。", [("土壤污染防治联席会议制度", "制度")]),
        # the verb nearest before the list governs it, not the clause's first verb
        ("推动乡镇人大主席团建立代表联系选民、代表向选民述职等制度。",
         [("代表联系选民", "制度"), ("代表向选民述职", "制度")]),
        # national campaigns by era, with or without a governing verb
        ("常委会结合开展党的群众路线教育实践活动，修订了议事规则。", [("党的群众路线教育实践活动", "主题教育")]),
        ("在全市人大系统大兴调查研究之风。", [("大兴调查研究", "活动")]),
        ("听取关于中央生态环境保护督察反馈问题整改情况的报告。", [("中央生态环境保护督察", "督察")]),
        ("围绕创建全国文明城区开展代表活动。", [("创建全国文明城区", "创建")]),
        ("督促区政府办好“十项民生实事”。", [("十项民生实事", "实事")]),
        # 学习教育/专题教育 heads, after 把 as well as a verb
        ("机关党支部把党纪学习教育作为重要任务。", [("党纪学习教育", "主题教育")]),
        ("认真开展“三严三实”专题教育。", [("“三严三实”专题教育", "主题教育")]),
        ("联合检察院开展“涉农资金监管”专项调查。", [("“涉农资金监管”专项调查", "专项调查")]),
        # a system named as the object of a report
        ("听取了县政府关于城乡居民大病保险制度实施情况的报告。", [("城乡居民大病保险制度", "制度")]),
        # a count before a recurring meeting is not part of its name
        ("坚持每季度召开一次财经工作例会。", [("财经工作例会", "例会")]),
        # the short form takes the full name written in the document
        ("全面推行民生实事项目人大代表票决制，今年首次实行人大代表票决制。",
         [("民生实事项目人大代表票决制", "票决制"), ("民生实事项目人大代表票决制", "票决制")]),
        # coordinated practices in a list closed by 等制度: one item each; generic items dropped
        ("严格执行任前审查、供职发言和颁发任命书等制度。",
         [("任前审查", "制度"), ("供职发言", "制度"), ("颁发任命书", "制度")]),
        ("完善拟任人员法律知识考试、宪法宣誓和履职监督等制度。",
         [("拟任人员法律知识考试", "制度"), ("宪法宣誓", "制度")]),
        # appointment procedures named without a head
        ("组织新当选人员进行宪法宣誓，任前法律知识考试全部合格。",
         [("任前法律知识考试", "制度"), ("宪法宣誓", "制度")]),
        # campaign heads 专项治理 / 综合整治, appraisal heads 考评 / 评议会
        ("开展欠薪和违法转包问题专项治理。", [("欠薪和违法转包问题专项治理", "专项整治")]),
        ("认真落实县委关于集镇环境综合整治的部署。", [("集镇环境综合整治", "专项整治")]),
        ("年底进行代表履职积分考评。", [("代表履职积分考评", "考核")]),
        ("主席团在闭会期间召开代表评议会3次。", [("代表评议会", "评议")]),
        # a weekday copula is the left edge of a recurring day
        ("坚持每周三为代表固定接待日。", [("代表固定接待日", "日")]),
        # quoted campaigns named by their shape: a time-boxed drive, a 15-minute circle
        ("拟听取县政府关于“决战100天”工作情况的报告。", [("决战100天", "行动")]),
        ("新建“15分钟便民服务圈”示范点2个。", [("15分钟便民服务圈", "服务圈")]),
        # a coined quoted name built or upgraded, with a short noun after it
        ("持续深化“联络e站”建设。", [("联络e站", "工程")]),
        ("组织代表对“户户通”入户路建设进行视察。", [("“户户通”入户路", "工程")]),
        # a list of levels closed by N级 stays inside the name
        ("继续深化市、县、乡三级人大联动监督机制。", [("市、县、乡三级人大联动监督机制", "机制")]),
        # national programmes of the congress system named by their act
        ("今年首次开展民生实事项目票决。", [("民生实事项目票决", "票决制")]),
        ("进一步完善预算联网监督系统。", [("预算联网监督系统", "系统")]),
        ("探索开展人大代表向原选区选民述职活动。", [("人大代表向原选区选民述职活动", "活动")]),
        # a quoted abbreviation takes the full name written in the document
        ("深入实施百村千户万人增收工程，持续推进“百千万工程”。",
         [("百村千户万人增收工程", "工程"), ("百村千户万人增收工程", "工程")]),
        # a standing meeting recurs: a cue before it or a count of sittings after it
        ("全年召开全县乡镇人大工作座谈会3次，交流经验。", [("全县乡镇人大工作座谈会", "会议")]),
        ("坚持每半年召开一次区人大代表工作座谈会。", [("区人大代表工作座谈会", "会议")]),
        # named yearly periods
        ("组织开展了以“依法履职、服务发展”为主题的代表活动月活动。", [("代表活动月", "月")]),
        ("结合宪法宣传周组织代表进社区。", [("宪法宣传周", "周")]),
        # national campaigns and reforms by era, unquoted
        ("常委会机关扎实开展创先争优活动。", [("创先争优活动", "活动")]),
        ("督促政府落实精准扶贫各项政策。", [("精准扶贫", "战略")]),
        ("听取关于推进供给侧结构性改革情况的报告。", [("供给侧结构性改革", "改革")]),
        ("随着国家监察体制改革的推进，乡镇人大加强学习。", [("国家监察体制改革", "改革")]),
        # creation campaigns named with 创建 after the title
        ("推动民族团结进步示范区创建工作。", [("民族团结进步示范区创建工作", "创建")]),
        ("助力国家森林城市创建。", [("国家森林城市创建", "创建")]),
        ("深化预算联网监督，实现部门全覆盖。", [("预算联网监督", "系统")]),
        ("党组召开专题民主生活会，开展批评和自我批评。", [("专题民主生活会", "制度")]),
        ("组织镇人大代表开展代表述职，接受选民评议。", [("代表述职", "活动")]),
        # a 、-list of two-character steps stays inside the name
        ("建立议案建议交办、督办、答复、评估全链条跟踪机制。", [("议案建议交办、督办、答复、评估全链条跟踪机制", "机制")]),
        # a working method named by its steps joined with +
        ("坚持“调研+审议+评议”一体推进。", [("调研+审议+评议", "模式")]),
        # a quoted name run as a numbered series, a quoted award
        ("举办“代表履职讲坛”4期。", [("代表履职讲坛", "系列")]),
        ("开展“十佳代表建议”评选。", [("“十佳代表建议”评选", "评选")]),
        ("推行代表履职积分管理，年底公开积分。", [("代表履职积分管理", "考核")]),
        ("探索实行市、县、乡三级人大联动检查。", [("市、县、乡三级人大联动检查", "联动")]),
        # the practice and its system named in one document are one programme
        ("健全联络站例会制度，每月召开联络站例会1次。", [("联络站例会制度", "制度"), ("联络站例会制度", "制度")]),
        # a PDF line break inside the name
        ("建立审议意见交办、承办、反馈全流程闭环管\n理机制。", [("审议意见交办、承办、反馈全流程闭环管理机制", "机制")]),
        # verb complements (programmes.head): 落实好/抓实 govern the name like the verb
        ("各位组成人员要落实好联系基层代表制度。", [("联系基层代表制度", "制度")]),
        # “X”主题活动 (programmes.quoted_head)
        ("下半年要结合“代表履职在基层”主题活动，讲好代表故事。", [("“代表履职在基层”主题活动", "活动")]),
        # 进站 days (programmes.quoted_named)
        ("用好“代表集中进站日”等载体。", [("代表集中进站日", "日")]),
        # Party branch systems and 立法协商 (programmes.known)
        ("按时召开组织生活会，开展民主评议党员。", [("民主评议党员", "制度"), ("组织生活会", "制度")]),
        ("积极开展立法协商，广泛听取意见。", [("立法协商", "制度")]),
        # a quoted system name keeps the noun phrase after its verb (programmes.quoted_head.subject),
        # also for a two-character quote
        ("探索建立信访件办理“两反馈”制度。", [("信访件办理“两反馈”制度", "制度")]),
        ("推行村级代表“包片”制度，每名代表联系一片。", [("村级代表“包片”制度", "制度")]),
        ("深化“两反馈”制度。", [("“两反馈”制度", "制度")]),
        # a chained 、-subject "A联系B、B联系C" is one name (programmes.chain)
        ("健全机关干部联系代表、代表联系选民制度。", [("机关干部联系代表、代表联系选民制度", "制度")]),
        # Chinese-numeral 实事 lists stay programmes (programmes.campaign)
        ("政府确定的十项民生实事全部完成。", [("十项民生实事", "实事")]),
    ],
)
def test_extract_programmes_finds_named_programmes(text, expected):
    assert found(text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "坚持和完善人民代表大会制度。",  # the state's fundamental system
        "镇党委把护林作为全镇一号工程来抓。",  # programmes.copula: 把…作为 predicate noun
        "机关党支部以“周三夜学”为基本制度。",  # programmes.copula: 以…为 predicate noun
        "全年对全县86项民生实事开展视察。",  # arabic tallies of 实事 are counts, not the programme
        "今年安排15名县人大代表述职。",  # programmes.campaign.counted: counted persons' act
        "组织代表开展走访、调研、评议活动40次。",  # a 、-list of two-character acts
        "健全常委会及其机关各项制度。",  # a quantifier core
        "完善了行之有效的工作机制。",  # a short description after 的
        "对去年检查过的劳动合同法开展“回头看”。",  # a bare review names the method only
        "坚决打赢三大攻坚战。",  # a numbered formula, left to the formula pass
        "组织开展专项审议、工作评议、履职评议等。",  # methods listed, no programme
        "确定3个试点县开展工作。",  # the places of a pilot
        "认真落实区人大常委会机关各项规章制度。",  # a quantifier before the head
        "代工委组织评议代表深入被评议部门开展调查。",  # a passive clause (被) is no name
        "县人大常委会组织代表视察了全县农村饮水安全工程。",  # a finished act (了) is no name
        "建立长效机制，不断创新工作机制。",  # generic mechanisms
        "在这一机制的激励下，代表积极履职。",
        "召开全区安全生产工作推进会。",  # a one-off meeting
        "着力加强履职制度建设，严格执行制度规定。",  # 制度 as a common noun
        "认真落实区委的战略部署，实施扩张战略。",  # not a named strategy
        "对审计整改工作进行满意度测评，并开展社会满意度测评。",  # a rating with no name
        "推动安全生产责任体系、联动机制逐步优化。",  # listed nouns, no governing verb
        "积极参与联户包帮、文明创建、平安建设等工作。",  # generic tasks
        "组织代表开展专题视察。",  # a visit, not recurring
        "做到半年有督查，年终有考核。",
        "制定常委会组成人员履职考核办法。",  # an instrument
        "于11月28日召开会议。",  # a date
        "构筑监督“闭环”体系。",  # emphasis, not a name
        "推动宣传教育、责任落实机制落地。",  # a bare 、-list: several nouns, no name
        "组织开展“回头看”工作。",  # a method, not a named campaign
        "做好“三农”工作，坚持“两个维护”。",  # formulas, not programmes
        "加强执法检查和专题询问等监督方式。",
        "扎实开展“三个一批”工作。",  # a numbered formula
        "建立“一站式”服务体系。",  # a manner word before the head
        "坚持开展学习型机关建设和专题学习制度。",  # two nouns, not one name
        "把代表工作纳入重要议事日程。",  # 日程 is no day
        "围绕市委“工业兴市、生态立市”发展战略开展监督。",  # a strategy named by its slogan
        "紧扣县委确定的“农业稳县、工业强县、旅游兴县”三大战略。",
        "紧扣州委“2468”发展战略。",  # a numeric code strategy: a slogan
        "由代表从12个候选项目中票决产生民生实事项目8个。",  # the vote itself, no named system
        "紧扣县委“一核两翼三区”发展战略。",  # a numbered formula is the strategy itself
        "不断完善立法工作机制。",  # the field's machinery in general
        "召开换届选举工作座谈会，部署选举工作。",  # a one-off meeting: no cue, no count of sittings
        "开展执法检查和法律法规实施情况视察5次。",  # 视察5次 counts inspections, not sittings
        "组织创建人大代表培训基地。",  # 创建 with no named title
        "习近平总书记强调：“坚持和完善人民当家作主制度体系，发展全过程人民民主，保证人民通过人民代表大会行使国家权力。”",
    ],
)
def test_extract_programmes_skips_generic_words_meetings_and_institutions(text):
    assert found(text) == []


def test_extract_programmes_records_exact_spans():
    text = "同时，认真落实领导干部联系帮包乡镇(街道)工作机制，深入开展“代表的一天”活动3次。"
    doc, sents = _doc(text)
    ms = extract_programmes(doc, sents)
    assert sorted(m.label for m in ms) == ["“代表的一天”活动", "领导干部联系帮包乡镇(街道)工作机制"]
    for m in ms:
        assert doc.text[m.start:m.end] == m.text and m.kind == "programme" and m.rule.startswith("programmes.")


def test_extract_programmes_gives_variant_writings_one_label():
    text = "坚持“代表统一接待选民”制度。每月开展“代表统一接待选民日”活动。"
    doc = Document("t", "t.txt", text, "", (), "")
    cut = text.index("。") + 1
    sents = [Sentence(0, 0, cut, text[:cut], 0, None), Sentence(1, cut, len(text), text[cut:], 0, None)]
    ms = extract_programmes(doc, sents)
    assert len(ms) == 2 and len({m.label for m in ms}) == 1 and len({m.attrs for m in ms}) == 1


def test_merge_variants_keeps_unrelated_labels_apart():
    a = Mention("programme", 0, 10, "", "代表建议办理工作机制", "r", 0, (("kind", "机制"),))
    b = Mention("programme", 20, 30, "", "代表建议办理情况专题评议", "r", 1, (("kind", "评议"),))
    assert [m.label for m in merge_variants([a, b])] == ["代表建议办理工作机制", "代表建议办理情况专题评议"]


@pytest.mark.parametrize(
    "text, head, expected",
    [
        ("强化重大事项请示报告制度", "制度", ("重大事项请示报告", "verb")),
        ("以工作举措和工作机制的优化", "机制", ("工作", "conj")),
        ("参加区重点项目建设暨“三个一批”工作推进周例会", "例会", ("区重点项目建设暨“三个一批”工作推进周", "verb")),
    ],
)
def test_scan_left_stops_at_the_governing_verb(text, head, expected):
    hs = text.index(head)
    left, why = scan_left(text, hs)
    assert (text[left:hs], why) == expected


def test_extract_programmes_scores_on_the_seed_texts():
    from kg.resolve.concepts import resolve_programme

    gold, pred = [], []
    for g, doc, sents in seed_documents():
        gold.append(g)
        labels = sorted({resolve_programme(m).label for m in extract_programmes(doc, sents)})
        pred.append({"id": g["id"], "programmes": labels})
    result = official_scorer().score(gold, pred)["programmes"]
    assert result["f1"] >= 0.8, result
