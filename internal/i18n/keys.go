package i18n

// Key names an entry of the catalogue: its table and its name, "nav.latest".
type Key string

// The keys the Go code uses; the layouts name theirs as strings ({{t "kpi.about"}}).
// TestKeys checks that these and the layouts' are exactly the reference
// catalogue's entries.
const (
	// [nav]
	NavLatest     Key = "nav.latest"
	NavArchive    Key = "nav.archive"
	NavKPIs       Key = "nav.kpis"
	NavMilestones Key = "nav.milestones"
	NavGlossary   Key = "nav.glossary"

	// [breadcrumbs]
	BreadcrumbsHome Key = "breadcrumbs.home"

	// [notice]
	NoticeDraft       Key = "notice.draft"
	NoticeArchived    Key = "notice.archived"
	NoticeLatestLink  Key = "notice.latest_link"
	NoticeToBeWritten Key = "notice.to_be_written"

	// [date]
	DateMonth      Key = "date.month"
	DateMonthShort Key = "date.month_short"
	DateDay        Key = "date.day"
	DateInMonth    Key = "date.in_month"

	// [months]
	MonthsJanuary   Key = "months.january"
	MonthsFebruary  Key = "months.february"
	MonthsMarch     Key = "months.march"
	MonthsApril     Key = "months.april"
	MonthsMay       Key = "months.may"
	MonthsJune      Key = "months.june"
	MonthsJuly      Key = "months.july"
	MonthsAugust    Key = "months.august"
	MonthsSeptember Key = "months.september"
	MonthsOctober   Key = "months.october"
	MonthsNovember  Key = "months.november"
	MonthsDecember  Key = "months.december"

	// [months_short]
	MonthsShortJanuary   Key = "months_short.january"
	MonthsShortFebruary  Key = "months_short.february"
	MonthsShortMarch     Key = "months_short.march"
	MonthsShortApril     Key = "months_short.april"
	MonthsShortMay       Key = "months_short.may"
	MonthsShortJune      Key = "months_short.june"
	MonthsShortJuly      Key = "months_short.july"
	MonthsShortAugust    Key = "months_short.august"
	MonthsShortSeptember Key = "months_short.september"
	MonthsShortOctober   Key = "months_short.october"
	MonthsShortNovember  Key = "months_short.november"
	MonthsShortDecember  Key = "months_short.december"

	// [months_in]
	MonthsInJanuary   Key = "months_in.january"
	MonthsInFebruary  Key = "months_in.february"
	MonthsInMarch     Key = "months_in.march"
	MonthsInApril     Key = "months_in.april"
	MonthsInMay       Key = "months_in.may"
	MonthsInJune      Key = "months_in.june"
	MonthsInJuly      Key = "months_in.july"
	MonthsInAugust    Key = "months_in.august"
	MonthsInSeptember Key = "months_in.september"
	MonthsInOctober   Key = "months_in.october"
	MonthsInNovember  Key = "months_in.november"
	MonthsInDecember  Key = "months_in.december"

	// [numbers]
	NumbersZero   Key = "numbers.zero"
	NumbersOne    Key = "numbers.one"
	NumbersTwo    Key = "numbers.two"
	NumbersThree  Key = "numbers.three"
	NumbersFour   Key = "numbers.four"
	NumbersFive   Key = "numbers.five"
	NumbersSix    Key = "numbers.six"
	NumbersSeven  Key = "numbers.seven"
	NumbersEight  Key = "numbers.eight"
	NumbersNine   Key = "numbers.nine"
	NumbersTen    Key = "numbers.ten"
	NumbersEleven Key = "numbers.eleven"
	NumbersTwelve Key = "numbers.twelve"

	// [list]
	ListSeparator Key = "list.separator"
	ListLast      Key = "list.last"

	// [rating]
	RatingRed   Key = "rating.red"
	RatingAmber Key = "rating.amber"
	RatingGreen Key = "rating.green"
	RatingNone  Key = "rating.none"

	// [travel]
	TravelImproving  Key = "travel.improving"
	TravelWorsening  Key = "travel.worsening"
	TravelIncreasing Key = "travel.increasing"
	TravelDecreasing Key = "travel.decreasing"
	TravelNoChange   Key = "travel.no_change"

	// [direction]
	DirectionUp   Key = "direction.up"
	DirectionDown Key = "direction.down"
	DirectionSame Key = "direction.same"

	// [unit]
	UnitPercent Key = "unit.percent"
	UnitRate    Key = "unit.rate"
	UnitCount   Key = "unit.count"
	UnitNumber  Key = "unit.number"

	// [polarity]
	PolarityHigher Key = "polarity.higher"
	PolarityLower  Key = "polarity.lower"
	PolarityNone   Key = "polarity.none"

	// [target]
	TargetMonitorOnly Key = "target.monitor_only"
	TargetNone        Key = "target.none"

	// [colour_key]
	ColourKeyGreen         Key = "colour_key.green"
	ColourKeyAmberRelative Key = "colour_key.amber_relative"
	ColourKeyAmberPoints   Key = "colour_key.amber_points"
	ColourKeyRed           Key = "colour_key.red"
	ColourKeyTravelRule    Key = "colour_key.travel_rule"
	ColourKeyMonitor       Key = "colour_key.monitor"
	ColourKeyExampleLower  Key = "colour_key.example_lower"
	ColourKeyExampleHigher Key = "colour_key.example_higher"
	ColourKeyOwnBand       Key = "colour_key.own_band"

	// [band]
	BandRelative Key = "band.relative"
	BandPoints   Key = "band.points"
	BandUnits    Key = "band.units"

	// [edition]
	EditionPeriodRange    Key = "edition.period_range"
	EditionIndicators     Key = "edition.indicators"
	EditionKPIRed         Key = "edition.kpi_red"
	EditionKPIAmber       Key = "edition.kpi_amber"
	EditionKPIGreen       Key = "edition.kpi_green"
	EditionKPINone        Key = "edition.kpi_none"
	EditionKPIRatedAndNot Key = "edition.kpi_rated_and_not"
	EditionShortName      Key = "edition.short_name"
	EditionShortNameDraft Key = "edition.short_name_draft"

	// [summary]
	SummaryOnTrack         Key = "summary.on_track"
	SummaryOnTrackByStatus Key = "summary.on_track_by_status"
	SummaryStatusCount     Key = "summary.status_count"
	SummaryInEdition       Key = "summary.in_edition"
	SummaryInPriority      Key = "summary.in_priority"
	SummaryMilestones      Key = "summary.milestones"

	// [glance]
	GlanceOnTrack    Key = "glance.on_track"
	GlanceMilestones Key = "glance.milestones"
	GlanceRatings    Key = "glance.ratings"
	GlanceRed        Key = "glance.red"
	GlanceAmber      Key = "glance.amber"
	GlanceGreen      Key = "glance.green"
	GlanceNone       Key = "glance.none"
	GlanceFigure     Key = "glance.figure"
	GlanceChanges    Key = "glance.changes"
	GlanceNoChanges  Key = "glance.no_changes"

	// [priority]
	PriorityLabel     Key = "priority.label"
	PriorityPageTitle Key = "priority.page_title"
	PriorityLinkText  Key = "priority.link_text"

	// [milestone]
	MilestoneCommenced   Key = "milestone.commenced"
	MilestoneCommencing  Key = "milestone.commencing"
	MilestoneLaunch      Key = "milestone.launch"
	MilestoneDue         Key = "milestone.due"
	MilestoneTiming      Key = "milestone.timing"
	MilestoneUpdates     Key = "milestone.updates"
	MilestoneChangedFrom Key = "milestone.changed_from"

	// [kpi_table]
	KPITableCaption         Key = "kpi_table.caption"
	KPITableCaptionPriority Key = "kpi_table.caption_priority"
	KPITableBaseline        Key = "kpi_table.baseline"
	KPITableBaselinePeriod  Key = "kpi_table.baseline_period"
	KPITableTarget          Key = "kpi_table.target"
	KPITableCounts          Key = "kpi_table.counts"
	KPITableProxyDefault    Key = "kpi_table.proxy_default"
	KPITableNoteFor         Key = "kpi_table.note_for"
	KPITableOwnBand         Key = "kpi_table.own_band"
	KPITableBeforeEvent     Key = "kpi_table.before_event"
	KPITableAfterEvent      Key = "kpi_table.after_event"

	// [print]
	PrintPageTitle   Key = "print.page_title"
	PrintDescription Key = "print.description"

	// [changes]
	ChangesNothing           Key = "changes.nothing"
	ChangesSentence          Key = "changes.sentence"
	ChangesStatusChanged     Key = "changes.status_changed"
	ChangesNewCount          Key = "changes.new_count"
	ChangesClosedCount       Key = "changes.closed_count"
	ChangesRatingsChanged    Key = "changes.ratings_changed"
	ChangesTargetsChanged    Key = "changes.targets_changed"
	ChangesFiguresRevised    Key = "changes.figures_revised"
	ChangesTargetChanged     Key = "changes.target_changed"
	ChangesTargetYearChanged Key = "changes.target_year_changed"

	// [chart]
	ChartKPICaption        Key = "chart.kpi_caption"
	ChartKPICaptionNote    Key = "chart.kpi_caption_note"
	ChartNewestFigures     Key = "chart.newest_figures"
	ChartTarget            Key = "chart.target"
	ChartTargetYear        Key = "chart.target_year"
	ChartBaseline          Key = "chart.baseline"
	ChartBaselineSource    Key = "chart.baseline_source"
	ChartLine              Key = "chart.line"
	ChartReferences        Key = "chart.references"
	ChartByStatusTitle     Key = "chart.by_status_title"
	ChartByStatusCaption   Key = "chart.by_status_caption"
	ChartByPriorityTitle   Key = "chart.by_priority_title"
	ChartByPriorityCaption Key = "chart.by_priority_caption"
	ChartMilestonesUnit    Key = "chart.milestones_unit"
	ChartMilestonesSeries  Key = "chart.milestones_series"
	ChartByRatingTitle     Key = "chart.by_rating_title"
	ChartByRatingCaption   Key = "chart.by_rating_caption"
	ChartKPIsUnit          Key = "chart.kpis_unit"
	ChartKPIsSeries        Key = "chart.kpis_series"
	ChartNumber            Key = "chart.number"

	// [chart_summary]
	ChartSummarySentence  Key = "chart_summary.sentence"
	ChartSummarySubject   Key = "chart_summary.subject"
	ChartSummaryMonth     Key = "chart_summary.month"
	ChartSummaryTarget    Key = "chart_summary.target"
	ChartSummaryRating    Key = "chart_summary.rating"
	ChartSummaryMovement  Key = "chart_summary.movement"
	ChartSummaryUnchanged Key = "chart_summary.unchanged"
	ChartSummaryUp        Key = "chart_summary.up"
	ChartSummaryDown      Key = "chart_summary.down"
	ChartSummaryImproving Key = "chart_summary.improving"
	ChartSummaryWorsening Key = "chart_summary.worsening"

	// [bar_summary]
	BarSummarySentence       Key = "bar_summary.sentence"
	BarSummarySentenceTotals Key = "bar_summary.sentence_totals"
	BarSummaryUntitled       Key = "bar_summary.untitled"
	BarSummaryValue          Key = "bar_summary.value"
	BarSummaryTotal          Key = "bar_summary.total"
	BarSummaryTotalUnit      Key = "bar_summary.total_unit"

	// [archive]
	ArchiveTitle       Key = "archive.title"
	ArchiveDescription Key = "archive.description"
	ArchiveOnTrack     Key = "archive.on_track"

	// [kpis]
	KPIsTitle       Key = "kpis.title"
	KPIsDescription Key = "kpis.description"
	KPIsTargetYear  Key = "kpis.target_year"

	// [kpi]
	KPIDescription     Key = "kpi.description"
	KPIPriorityLink    Key = "kpi.priority_link"
	KPITargetSource    Key = "kpi.target_source"
	KPITargetDefault   Key = "kpi.target_default"
	KPITargetChanged   Key = "kpi.target_changed"
	KPINoFigures       Key = "kpi.no_figures"
	KPILatest          Key = "kpi.latest"
	KPILatestRated     Key = "kpi.latest_rated"
	KPILatestDirection Key = "kpi.latest_direction"
	KPIRevised         Key = "kpi.revised"
	KPIOwnBand         Key = "kpi.own_band"

	// [tracker]
	TrackerTitle            Key = "tracker.title"
	TrackerDescription      Key = "tracker.description"
	TrackerSummary          Key = "tracker.summary"
	TrackerSummaryOneReport Key = "tracker.summary_one_report"
	TrackerReports          Key = "tracker.reports"
	TrackerNew              Key = "tracker.new"
	TrackerClosed           Key = "tracker.closed"
	TrackerAbsent           Key = "tracker.absent"

	// [priorities]
	PrioritiesTitle       Key = "priorities.title"
	PrioritiesDescription Key = "priorities.description"

	// [priority_history]
	PriorityHistoryPageTitle Key = "priority_history.page_title"

	// [glossary]
	GlossaryTitle       Key = "glossary.title"
	GlossaryDescription Key = "glossary.description"

	// [accessibility]
	AccessibilityTitle         Key = "accessibility.title"
	AccessibilityHeading       Key = "accessibility.heading"
	AccessibilityDescription   Key = "accessibility.description"
	AccessibilityStatusFull    Key = "accessibility.status_full"
	AccessibilityStatusPartial Key = "accessibility.status_partial"
	AccessibilityStatusNot     Key = "accessibility.status_not"

	// [search]
	SearchTitle           Key = "search.title"
	SearchHeading         Key = "search.heading"
	SearchDescription     Key = "search.description"
	SearchMilestoneTitle  Key = "search.milestone_title"
	SearchMilestoneStatus Key = "search.milestone_status"
	SearchMilestoneClosed Key = "search.milestone_closed"
	SearchEmpty           Key = "search.empty"
	SearchResultsNone     Key = "search.results_none"
	SearchResults         Key = "search.results"
	SearchMore            Key = "search.more"
	SearchNoneHint        Key = "search.none_hint"
	SearchFailed          Key = "search.failed"
	SearchKindIndicator   Key = "search.kind_indicator"
	SearchKindMilestone   Key = "search.kind_milestone"
	SearchKindPage        Key = "search.kind_page"
	SearchKindTerm        Key = "search.kind_term"
	SearchEditionLatest   Key = "search.edition_latest"
	SearchEditionArchived Key = "search.edition_archived"
	SearchEditionDraft    Key = "search.edition_draft"

	// [not_found]
	NotFoundTitle Key = "not_found.title"

	// [feed]
	FeedOnTrack Key = "feed.on_track"
)
