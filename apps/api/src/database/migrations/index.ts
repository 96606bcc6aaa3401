import { Catalogue1795430000000 } from './1795430000000-catalogue';
import { IdentityAndAudit1795440000000 } from './1795440000000-identity-and-audit';
import { OidcFlow1795450000000 } from './1795450000000-oidc-flow';
import { BenchmarkWorkflow1795460000000 } from './1795460000000-benchmark-workflow';
import { AuditAppend1795470000000 } from './1795470000000-audit-append';
import { StoredFilesAndInbox1795480000000 } from './1795480000000-stored-files-and-inbox';
import { EvidenceVersionsAndSearch1795490000000 } from './1795490000000-evidence-versions-and-search';
import { TrackRecordsAndActionPlan1795500000000 } from './1795500000000-track-records-and-action-plan';
import { CivilSocietyDialogue1795510000000 } from './1795510000000-civil-society-dialogue';
import { MissionsAndConsultations1795520000000 } from './1795520000000-missions-and-consultations';
import { SearchFileRecency1795530000000 } from './1795530000000-search-file-recency';
import { MissionVersion1795540000000 } from './1795540000000-mission-version';
import { LoginThrottleByPair1795550000000 } from './1795550000000-login-throttle-by-pair';
import { SecondFactorAndSessions1795560000000 } from './1795560000000-second-factor-and-sessions';
import { UserLanguage1795560500000 } from './1795560500000-user-language';
import { CatalogueOrder1795570000000 } from './1795570000000-catalogue-order';
import { ChapterPeriods1795580000000 } from './1795580000000-chapter-periods';
import { ReadsAtScale1795590000000 } from './1795590000000-reads-at-scale';
import { ActionPlanTally1795600000000 } from './1795600000000-action-plan-tally';
import { ListByState1795610000000 } from './1795610000000-list-by-state';
import { CatalogueSerbianText1795620000000 } from './1795620000000-catalogue-serbian-text';
import { AssistanceProjects1795630000000 } from './1795630000000-assistance-projects';
import { LiveChanges1795635000000 } from './1795635000000-live-changes';
import { AssessmentSourceProject1795636000000 } from './1795636000000-assessment-source-project';
import { Notifications1795640000000 } from './1795640000000-notifications';
import { NotificationMail1795641000000 } from './1795641000000-notification-mail';
import { LiveInbox1795645000000 } from './1795645000000-live-inbox';
import { NotificationReminders1795646000000 } from './1795646000000-notification-reminders';
import { NotificationPreferences1795650000000 } from './1795650000000-notification-preferences';
import { NotificationUnsubscribe1795651000000 } from './1795651000000-notification-unsubscribe';
import { ConsiderationFacts1795660000000 } from './1795660000000-consideration-facts';
import { ActionPlanAreaFacts1795661000000 } from './1795661000000-action-plan-area-facts';
import { ActionPlanAreaLocks1795662000000 } from './1795662000000-action-plan-area-locks';
import { RequestCounts1795670000000 } from './1795670000000-request-counts';

/** Every migration, oldest first; the app runs the pending ones at start. */
export const MIGRATIONS = [
  Catalogue1795430000000,
  IdentityAndAudit1795440000000,
  OidcFlow1795450000000,
  BenchmarkWorkflow1795460000000,
  AuditAppend1795470000000,
  StoredFilesAndInbox1795480000000,
  EvidenceVersionsAndSearch1795490000000,
  TrackRecordsAndActionPlan1795500000000,
  CivilSocietyDialogue1795510000000,
  MissionsAndConsultations1795520000000,
  SearchFileRecency1795530000000,
  MissionVersion1795540000000,
  LoginThrottleByPair1795550000000,
  SecondFactorAndSessions1795560000000,
  UserLanguage1795560500000,
  CatalogueOrder1795570000000,
  ChapterPeriods1795580000000,
  ReadsAtScale1795590000000,
  ActionPlanTally1795600000000,
  ListByState1795610000000,
  CatalogueSerbianText1795620000000,
  AssistanceProjects1795630000000,
  LiveChanges1795635000000,
  AssessmentSourceProject1795636000000,
  Notifications1795640000000,
  NotificationMail1795641000000,
  LiveInbox1795645000000,
  NotificationReminders1795646000000,
  NotificationPreferences1795650000000,
  NotificationUnsubscribe1795651000000,
  ConsiderationFacts1795660000000,
  ActionPlanAreaFacts1795661000000,
  ActionPlanAreaLocks1795662000000,
  RequestCounts1795670000000,
];
