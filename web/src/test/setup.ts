// findBy* and waitFor give up after 1 s by default. Under the whole suite on two shared cores an
// Ant Design form can take longer to show a server's field error (CampaignModal's test failed so
// in two of three full runs): as with testTimeout, the limit guards against a hang only.
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 5_000 });
