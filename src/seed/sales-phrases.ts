/** Words for demo sales records: what is sold, and what e-mails, calls, meetings and tasks are about (Polish and English). */
export const PRODUCTS = [
  { name: 'Licencja CRM (rok)', unitPrice: '1249.00' },
  { name: 'Wdrożenie — dzień konsultanta', unitPrice: '3200.00' },
  { name: 'Szkolenie dla zespołu', unitPrice: '4500.00' },
  { name: 'Support Premium (month)', unitPrice: '899.99' },
  { name: 'Data migration package', unitPrice: '12500.00' },
  { name: 'Integration connector', unitPrice: '2750.50' },
  { name: 'Mobile add-on (user)', unitPrice: '19.90' },
  { name: 'Hardware bundle', unitPrice: '6430.75' },
] as const;

export const OPPORTUNITY_TOPICS = [
  'Wdrożenie CRM dla działu sprzedaży',
  'Rozszerzenie licencji o 50 stanowisk',
  'Migracja danych z systemu ERP',
  'Annual support renewal',
  'Pilot project for the logistics team',
  'Integracja ze sklepem internetowym',
  'New branch office rollout',
  'Szkolenia dla handlowców — II kwartał',
  'Mobile sales app for field reps',
  'Upgrade to the enterprise plan',
] as const;

export const EMAIL_SUBJECTS = [
  'Oferta — pytania do wyceny',
  'Re: harmonogram wdrożenia',
  'Follow-up after our meeting',
  'Pricing for the next quarter',
  'Umowa do podpisu',
  'Invoice question',
  'Dostęp do środowiska testowego',
  'Thank you for the demo',
] as const;

export const CALL_SUBJECTS = [
  'Rozmowa o budżecie',
  'Discovery call',
  'Omówienie oferty',
  'Check-in on the pilot',
  'Negocjacje warunków',
  'Support escalation',
] as const;

export const APPOINTMENT_SUBJECTS = [
  'Prezentacja produktu',
  'Quarterly business review',
  'Warsztat wymagań',
  'Kick-off meeting',
  'Spotkanie z zarządem',
] as const;

export const TASK_SUBJECTS = [
  'Przygotować ofertę',
  'Send the contract draft',
  'Zaktualizować prognozę',
  'Prepare the demo environment',
  'Sprawdzić referencje',
] as const;
