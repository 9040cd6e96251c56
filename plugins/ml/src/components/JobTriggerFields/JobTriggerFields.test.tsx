import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Job } from '@ml-platform/plugin-ml-common';
import {
  createMockMlApi,
  renderWithMlApi,
  responseError,
  useReportedState,
} from '../../__testUtils__';
import { trainJob } from '../../testing/fixtures';
import { JobTriggerFields, JobTriggerValue } from './JobTriggerFields';

function Harness(props: {
  parents: Job[];
  onChange: (v: JobTriggerValue) => void;
}) {
  const [value, onChange] = useReportedState<JobTriggerValue>(
    { kind: 'manual', schedule: '', timezone: 'UTC', parentJobId: '' },
    props.onChange,
  );
  return (
    <JobTriggerFields
      value={value}
      onChange={onChange}
      parents={props.parents}
      errors={{}}
    />
  );
}

async function renderFields(
  api: ReturnType<typeof createMockMlApi>,
  parents: Job[] = [],
) {
  const onChange = jest.fn();
  await renderWithMlApi(<Harness parents={parents} onChange={onChange} />, {
    api,
  });
  return onChange;
}

describe('JobTriggerFields', () => {
  afterEach(() => jest.useRealTimers());

  it('previews when a schedule fires, once typing pauses', async () => {
    const api = createMockMlApi({
      getCronNextRuns: [
        '2026-01-13T03:00:00.000Z',
        '2026-01-14T03:00:00.000Z',
        '2026-01-15T03:00:00.000Z',
      ],
    });
    // Fake time: on a loaded machine real keystrokes can be further apart
    // than the debounce, which is not what this test is about.
    jest.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    await renderFields(api);

    await user.click(screen.getByLabelText('Cron schedule'));
    await user.type(screen.getByLabelText('Schedule'), '0 3 * * *');
    expect(api.getCronNextRuns).not.toHaveBeenCalled();
    await act(async () => {
      jest.advanceTimersByTime(400);
    });

    expect(await screen.findByText(/^Next runs: /)).toHaveTextContent(
      /^Next runs: Jan 13, 2026, 3:00 AM UTC; Jan 14, .*; Jan 15, 2026, 3:00 AM UTC$/,
    );
    // Debounced: one request for the whole expression, not one per key.
    expect(api.getCronNextRuns).toHaveBeenCalledTimes(1);
    expect(api.getCronNextRuns).toHaveBeenCalledWith('0 3 * * *', 'UTC', 3);
  });

  it('shows why the server refuses a time zone under that field', async () => {
    const api = createMockMlApi();
    api.getCronNextRuns.mockRejectedValue(
      await responseError(
        400,
        "timezone: 'Mars/Olympus' is not an IANA time zone such as 'Europe/Berlin' or 'UTC'",
      ),
    );
    await renderFields(api);

    await userEvent.click(screen.getByLabelText('Cron schedule'));
    await userEvent.type(screen.getByLabelText('Schedule'), '0 3 * * *');
    await userEvent.clear(screen.getByLabelText('Time zone'));
    await userEvent.type(screen.getByLabelText('Time zone'), 'Mars/Olympus');

    expect(
      await screen.findByText(/'Mars\/Olympus' is not an IANA time zone/),
    ).toBeInTheDocument();
  });

  it('offers the other jobs as parents', async () => {
    const api = createMockMlApi();
    const onChange = await renderFields(api, [trainJob]);

    await userEvent.click(screen.getByLabelText('After another job'));
    await userEvent.selectOptions(screen.getByLabelText('Parent job'), 'train');

    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ kind: 'dependency', parentJobId: trainJob.id }),
    );
    expect(api.getCronNextRuns).not.toHaveBeenCalled();
  });
});
