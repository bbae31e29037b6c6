export { BarChart, type BarChartProps, type BarDatum } from './BarChart.js';
export { BuildLabel } from './BuildLabel.js';
export { Button, type ButtonProps } from './Button.js';
export { DataTable, type Column, type DataTableProps } from './DataTable.js';
export { DateText } from './DateText.js';
export { ErrorPanel, Loading, Notice, type ErrorPanelProps, type LoadingProps, type NoticeProps } from './feedback.js';
export {
  Checkbox,
  Field,
  Fieldset,
  SelectField,
  TextAreaField,
  type CheckboxProps,
  type FieldProps,
  type FieldsetProps,
  type SelectFieldProps,
  type SelectOption,
  type TextAreaFieldProps,
} from './form.js';
export { formatDate, formatNumber } from './format.js';
export { GlobalStyles } from './GlobalStyles.js';
export { PageHeader, Section, SummaryList, type PageHeaderProps, type SectionProps, type SummaryListProps } from './layout.js';
export { LocalNav, type LocalNavItem, type LocalNavProps } from './LocalNav.js';
export { SignInForm, type SignInFormProps } from './SignInForm.js';
export { StatCard, StatGrid, type StatCardProps, type StatGridProps } from './StatCard.js';
export { waymarkCss, waymarkCssVersion } from './styles.js';
export { colors, contrastRatio, fontFamily, NON_TEXT_PAIRS, radius, space, TEXT_PAIRS, type ColorName } from './tokens.js';
export { StandaloneRemote } from './StandaloneRemote.js';
export { CommentForm, CommentList, type CommentFormProps, type CommentListProps, type RecordCommentView } from './Comments.js';
export { ConfirmDialog, type ConfirmDialogProps } from './ConfirmDialog.js';
export { ErrorSummary, type ErrorSummaryItem, type ErrorSummaryProps } from './ErrorSummary.js';
export { errorsAt, isForbidden } from './graphqlErrors.js';
export { percentDone, ProgressBar, type ProgressBarProps } from './ProgressBar.js';
export { segmentWidth, StackedBarChart, type StackedBarChartProps, type StackedBarRow, type StackedBarSeries } from './StackedBarChart.js';
export { formatHashtags, parseHashtags } from './hashtags.js';
export {
  cellText,
  columnHeading,
  downloadFile,
  subjectAccessFileName,
  subjectAccessHtml,
  subjectAccessPart,
  subjectAccessParts,
  type SubjectAccessPage,
  type SubjectAccessPart,
} from './subjectAccess.js';
export { MyDataDownload, myDataHtml, myDataOf, type MyData, type MyDataDownloadProps, type MyDataFields } from './MyDataDownload.js';
export { DownloadSection, type DownloadedFile, type DownloadSectionProps } from './DownloadSection.js';
export { JourneyTimeline, type JourneyTimelineProps } from './JourneyTimeline.js';
export {
  RatingRadios,
  SurveyForm,
  type RatingChoice,
  type RatingRadiosProps,
  type SurveyAnswer,
  type SurveyFormProps,
  type SurveyQuestionView,
  type SurveyView,
} from './ProgrammeFeedback.js';
