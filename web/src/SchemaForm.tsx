import { useState } from 'react';

/** The slice of JSON Schema (draft 2020-12, as zod writes it) the connection forms need. */
export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  items?: Schema;
  anyOf?: Schema[];
  format?: string;
  description?: string;
  minimum?: number;
  maximum?: number;
}

type Obj = Record<string, unknown>;

/**
 * A form generated from a platform's settings or credentials schema. `secret` fields (credentials)
 * are password inputs that start empty: stored values are never shown, an empty field keeps them.
 */
export function SchemaForm(props: {
  schema: Schema;
  value: Obj;
  onChange: (v: Obj) => void;
  secret?: boolean;
  prefix: string;
  storedFields?: string[];
}) {
  const { schema } = props;
  const [variant, setVariant] = useState(0);
  if (schema.anyOf) {
    // Alternatives (DomControl's token, or user and password, or none): pick one, then its fields.
    const labels = schema.anyOf.map(
      (s) => Object.keys(s.properties ?? {}).join(' + ') || 'без учётных данных',
    );
    const chosen = schema.anyOf[variant] ?? {};
    return (
      <fieldset>
        <select
          aria-label={`${props.prefix}: вариант`}
          value={variant}
          onChange={(e) => {
            setVariant(Number(e.target.value));
            props.onChange({});
          }}
        >
          {labels.map((l, i) => (
            <option key={l} value={i}>
              {l}
            </option>
          ))}
        </select>
        <SchemaForm {...props} schema={chosen} />
      </fieldset>
    );
  }
  const props2 = schema.properties ?? {};
  return (
    <div className="form-grid">
      {Object.entries(props2).map(([name, s]) => (
        <Field
          key={name}
          name={name}
          id={`${props.prefix}.${name}`}
          schema={s}
          required={schema.required?.includes(name) ?? false}
          secret={props.secret ?? false}
          stored={props.storedFields?.includes(name) ?? false}
          value={props.value[name]}
          onChange={(v) => {
            const next = { ...props.value };
            if (v === undefined) delete next[name];
            else next[name] = v;
            props.onChange(next);
          }}
        />
      ))}
    </div>
  );
}

function Field(p: {
  name: string;
  id: string;
  schema: Schema;
  required: boolean;
  secret: boolean;
  stored: boolean;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const s = p.schema;
  const label = (
    <span>
      {p.name}
      {p.required && <span className="req"> *</span>}
      {s.default !== undefined && typeof s.default !== 'object' && (
        <span className="muted small"> (по умолчанию {String(s.default)})</span>
      )}
    </span>
  );
  if (s.type === 'object' && s.properties) {
    return (
      <fieldset className="nested">
        <legend>{label}</legend>
        <SchemaForm
          schema={s}
          prefix={p.id}
          value={(p.value as Obj | undefined) ?? {}}
          onChange={(v) => p.onChange(Object.keys(v).length ? v : undefined)}
          secret={p.secret}
        />
      </fieldset>
    );
  }
  if (s.enum) {
    return (
      <label>
        {label}
        <select
          name={p.id}
          value={p.value === undefined ? '' : String(p.value)}
          onChange={(e) => p.onChange(e.target.value === '' ? undefined : e.target.value)}
        >
          <option value="">—</option>
          {s.enum.map((v) => (
            <option key={String(v)} value={String(v)}>
              {String(v)}
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (s.type === 'boolean') {
    return (
      <label className="check">
        <input
          type="checkbox"
          name={p.id}
          checked={p.value === undefined ? s.default === true : p.value === true}
          onChange={(e) => p.onChange(e.target.checked)}
        />
        {label}
      </label>
    );
  }
  if (s.type === 'array') {
    return (
      <label>
        {label}
        <input
          name={p.id}
          placeholder="через запятую"
          value={Array.isArray(p.value) ? p.value.join(', ') : ''}
          onChange={(e) => {
            const list = e.target.value
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean);
            p.onChange(list.length ? list : undefined);
          }}
        />
      </label>
    );
  }
  const numeric = s.type === 'integer' || s.type === 'number';
  return (
    <label>
      {label}
      <input
        name={p.id}
        type={p.secret ? 'password' : numeric ? 'number' : s.format === 'uri' ? 'url' : 'text'}
        autoComplete="off"
        placeholder={p.secret && p.stored ? 'сохранено — оставьте пустым, чтобы не менять' : ''}
        value={p.value === undefined ? '' : String(p.value)}
        onChange={(e) => {
          const raw = e.target.value;
          if (raw === '') return p.onChange(undefined);
          p.onChange(numeric ? Number(raw) : raw);
        }}
      />
    </label>
  );
}
