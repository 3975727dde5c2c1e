// Providers (server state, antd theme and locale, session) and the routes.
import { App as AntApp, ConfigProvider, Result } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { useSyncExternalStore } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api/types';
import { useLanguage } from './i18n';
import { AuthProvider } from './modules/auth/AuthProvider';
import { ErrorBoundary } from './modules/common/ErrorBoundary';
import { AssignmentRulesPage } from './modules/assignment/AssignmentRulesPage';
import { JobsPage } from './modules/jobs/JobsPage';
import { EmailSettingsPage } from './modules/settings/EmailSettingsPage';
import { CallsListPage } from './modules/calls/CallsListPage';
import { CampaignsPage } from './modules/campaigns/CampaignsPage';
import { RequireRole } from './modules/common/RequireRole';
import { CustomFieldsPage } from './modules/customfields/CustomFieldsPage';
import { importRoles } from './modules/imports/access';
import { ImportsPage } from './modules/imports/ImportsPage';
import { ImportWizardPage } from './modules/imports/ImportWizardPage';
import { AppLayout } from './modules/layout/AppLayout';
import { LeadDetailPage } from './modules/leads/LeadDetailPage';
import { LeadFormPage } from './modules/leads/LeadFormPage';
import { LeadsListPage } from './modules/leads/LeadsListPage';
import { targetListRoles } from './modules/targetlists/access';
import { TargetDetailPage } from './modules/targets/TargetDetailPage';
import { TargetsListPage } from './modules/targets/TargetsListPage';
import { TargetListsPage } from './modules/targetlists/TargetListsPage';
import { TrashPage } from './modules/trash/TrashPage';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx answer will not change by asking again; network and server errors may.
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
});

// Users who asked their system for less motion get antd without its animations. The browser
// tests ask for it too: a click then never lands on a dialog that is still zooming into place.
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
const watchReducedMotion = (changed: () => void) => {
  reducedMotion.addEventListener('change', changed);
  return () => reducedMotion.removeEventListener('change', changed);
};

function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title={t('errors.notFoundTitle')} subTitle={t('errors.pageNotFound')} />;
}

export default function App() {
  const language = useLanguage();
  const lessMotion = useSyncExternalStore(watchReducedMotion, () => reducedMotion.matches);
  return (
    // The router wraps antd's App so that links inside messages and modals work too.
    <BrowserRouter>
      <QueryClientProvider client={queryClient}>
        <ConfigProvider locale={language === 'en' ? enUS : viVN} theme={{ token: { motion: !lessMotion } }}>
          {/* Notifications (a reminder stays until closed) open below the header, not over its switches. */}
          <AntApp notification={{ top: 72 }}>
            <ErrorBoundary>
              <AuthProvider>
                <Routes>
                  <Route element={<AppLayout />}>
                    <Route index element={<Navigate to="/leads" replace />} />
                    {/* The sign-in form shows wherever one is signed out; typed as an address, it leads home. */}
                    <Route path="login" element={<Navigate to="/leads" replace />} />
                    <Route path="leads" element={<LeadsListPage />} />
                    <Route path="leads/new" element={<LeadFormPage key="new" />} />
                    <Route path="leads/:id" element={<LeadDetailPage />} />
                    <Route path="leads/:id/edit" element={<LeadFormPage key="edit" />} />
                    <Route path="targets" element={<TargetsListPage />} />
                    <Route path="targets/new" element={<LeadFormPage type="target" key="target-new" />} />
                    <Route path="targets/:id" element={<TargetDetailPage />} />
                    <Route path="targets/:id/edit" element={<LeadFormPage type="target" key="target-edit" />} />
                    <Route path="calls" element={<CallsListPage />} />
                    <Route path="campaigns" element={<CampaignsPage />} />
                    <Route
                      path="trash"
                      element={
                        <RequireRole roles={['admin', 'manager']}>
                          <TrashPage />
                        </RequireRole>
                      }
                    />
                    <Route
                      path="imports"
                      element={
                        <RequireRole roles={importRoles}>
                          <ImportsPage />
                        </RequireRole>
                      }
                    />
                    {/* One key: the wizard stays mounted when a new import gets its id in the URL. */}
                    {['imports/new', 'imports/:id'].map((path) => (
                      <Route
                        key={path}
                        path={path}
                        element={
                          <RequireRole roles={importRoles}>
                            <ImportWizardPage key="import-wizard" />
                          </RequireRole>
                        }
                      />
                    ))}
                    <Route
                      path="target-lists"
                      element={
                        <RequireRole roles={targetListRoles}>
                          <TargetListsPage />
                        </RequireRole>
                      }
                    />
                    <Route
                      path="assignment-rules"
                      element={
                        <RequireRole roles={['admin', 'manager']}>
                          <AssignmentRulesPage />
                        </RequireRole>
                      }
                    />
                    <Route
                      path="jobs"
                      element={
                        <RequireRole roles={['admin', 'manager']}>
                          <JobsPage />
                        </RequireRole>
                      }
                    />
                    <Route
                      path="settings/email"
                      element={
                        <RequireRole roles={['admin']}>
                          <EmailSettingsPage />
                        </RequireRole>
                      }
                    />
                    <Route
                      path="custom-fields"
                      element={
                        <RequireRole roles={['admin']}>
                          <CustomFieldsPage />
                        </RequireRole>
                      }
                    />
                    <Route path="*" element={<NotFound />} />
                  </Route>
                </Routes>
              </AuthProvider>
            </ErrorBoundary>
          </AntApp>
        </ConfigProvider>
      </QueryClientProvider>
    </BrowserRouter>
  );
}
