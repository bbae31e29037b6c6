import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldTextProps {
  label: ReactNode;
  hint?: ReactNode;
  /** Shown above the control and linked to it with `aria-describedby`; marks the control invalid. */
  error?: ReactNode;
}

function useFieldIds(id: string | undefined, hint: unknown, error: unknown) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { controlId, hintId, errorId, describedBy };
}

function FieldMessages({ hint, error, hintId, errorId }: { hint: ReactNode; error: ReactNode; hintId?: string; errorId?: string }) {
  return (
    <>
      {hint ? (
        <span id={hintId} className="wm-field__hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="wm-field__error">
          <span className="wm-visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
    </>
  );
}

export interface FieldProps extends FieldTextProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> {
  /** Narrows the input for short values such as hours or dates. */
  narrow?: boolean;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled `<input>` with optional hint and error text. */
export function Field({ label, hint, error, id, narrow, className, ...input }: FieldProps) {
  const { controlId, hintId, errorId, describedBy } = useFieldIds(id, hint, error);
  return (
    <div className={error ? 'wm-field wm-field--error' : 'wm-field'}>
      <label className="wm-field__label" htmlFor={controlId}>
        {label}
      </label>
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
      <input
        id={controlId}
        className={['wm-input', narrow ? 'wm-input--narrow' : '', className ?? ''].filter(Boolean).join(' ')}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}

export interface TextAreaFieldProps extends FieldTextProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'> {
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled `<textarea>` with optional hint and error text. */
export function TextAreaField({ label, hint, error, id, className, ref, ...textarea }: TextAreaFieldProps) {
  const { controlId, hintId, errorId, describedBy } = useFieldIds(id, hint, error);
  return (
    <div className={error ? 'wm-field wm-field--error' : 'wm-field'}>
      <label className="wm-field__label" htmlFor={controlId}>
        {label}
      </label>
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
      <textarea
        ref={ref}
        id={controlId}
        className={['wm-input', 'wm-textarea', className ?? ''].filter(Boolean).join(' ')}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...textarea}
      />
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends FieldTextProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> {
  options: readonly SelectOption[];
  /** A first, empty choice such as "Choose a kind". */
  placeholder?: string;
  ref?: Ref<HTMLSelectElement>;
}

/** A labelled `<select>` with optional hint and error text. */
export function SelectField({ label, hint, error, id, options, placeholder, className, ...select }: SelectFieldProps) {
  const { controlId, hintId, errorId, describedBy } = useFieldIds(id, hint, error);
  return (
    <div className={error ? 'wm-field wm-field--error' : 'wm-field'}>
      <label className="wm-field__label" htmlFor={controlId}>
        {label}
      </label>
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
      <select
        id={controlId}
        className={['wm-input', className ?? ''].filter(Boolean).join(' ')}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'children'> {
  label: ReactNode;
}

/** A checkbox wrapped in its own label. */
export function Checkbox({ label, className, ...input }: CheckboxProps) {
  return (
    <label className={['wm-checkbox', className ?? ''].filter(Boolean).join(' ')}>
      <input type="checkbox" {...input} />
      <span>{label}</span>
    </label>
  );
}

export interface FieldsetProps extends FieldTextProps {
  children: ReactNode;
}

/** Groups related controls (e.g. checkboxes) under a `<legend>`, with optional hint and error. */
export function Fieldset({ label, hint, error, children }: FieldsetProps) {
  const { hintId, errorId, describedBy } = useFieldIds(undefined, hint, error);
  return (
    <fieldset className={error ? 'wm-fieldset wm-field--error' : 'wm-fieldset'} aria-describedby={describedBy}>
      <legend>{label}</legend>
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
      {children}
    </fieldset>
  );
}
