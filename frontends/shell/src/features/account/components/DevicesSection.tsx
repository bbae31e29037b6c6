import { EndSignedInDeviceDocument, useMutation, type YourAccountQuery } from '@waymark/graphql-client';
import { Button, DateText, ErrorPanel, Notice, Section } from '@waymark/ui';
import { useState } from 'react';

type Device = NonNullable<YourAccountQuery['signedInDevices']>[number];

/** A short name for a browser from how it described itself, e.g. "Chrome on Windows". */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'An unknown browser';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /(Chrome|Chromium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'A browser';
  const system = /iPhone|iPad/.test(userAgent)
    ? 'iPhone or iPad'
    : /Android/.test(userAgent)
      ? 'Android'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'Mac'
          : /CrOS/.test(userAgent)
            ? 'Chromebook'
            : /Linux/.test(userAgent)
              ? 'Linux'
              : null;
  return system ? `${browser} on ${system}` : browser;
}

export function DevicesSection({ devices, onChanged }: { devices: readonly Device[]; onChanged: () => void }) {
  const [endDevice, mutation] = useMutation(EndSignedInDeviceDocument);
  const [failure, setFailure] = useState<string | null>(null);
  const [ended, setEnded] = useState<string | null>(null);

  const end = async (device: Device) => {
    setFailure(null);
    setEnded(null);
    const { data, error } = await endDevice({ input: { id: device.id } });
    const result = data?.endSignedInDevice;
    if (error || !result || result.error) {
      setFailure(error?.message ?? result?.error?.message ?? 'That device was not signed out.');
      return;
    }
    setEnded(describeDevice(device.userAgent));
    onChanged();
  };

  return (
    <Section title="Where you are signed in" description="If you do not recognise a device, sign it out and change your password.">
      {failure ? (
        <ErrorPanel title="That device was not signed out" headingLevel={3}>
          {failure}
        </ErrorPanel>
      ) : null}
      {ended ? <Notice title={`${ended} has been signed out`} headingLevel={3} /> : null}
      <ul className="wm-card-list" aria-label="Signed-in devices">
        {devices.map((device) => (
          <li key={device.id}>
            <p>
              <strong>{describeDevice(device.userAgent)}</strong>
              {device.current ? (
                <>
                  {' '}
                  <span className="wm-tag wm-tag--met">This device</span>
                </>
              ) : null}
            </p>
            <p className="wm-muted">
              Signed in <DateText value={device.signedInAt} />, last used <DateText value={device.lastSeenAt} />
            </p>
            {device.current ? null : (
              <Button variant="secondary" onClick={() => void end(device)} disabled={mutation.loading}>
                Sign out this device
                <span className="wm-visually-hidden">
                  {' '}
                  ({describeDevice(device.userAgent)}, last used {device.lastSeenAt.slice(0, 10)})
                </span>
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}
