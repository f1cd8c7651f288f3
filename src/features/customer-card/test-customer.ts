import { Customer } from "~src/domain/customers/customer.schema"

/** The customer the card's tests draw (a British electrical firm, no contacts), with what a test changes. */
export const testCustomer = (over: Partial<Customer> = {}): Customer =>
  Customer.parse({
    id: "cu1",
    code: "C-00076",
    company: "Kendrick Galloway Electrical Ltd",
    country: "GB",
    language: "en",
    siren: null,
    vatNumber: null,
    creditLimitCents: 1_000_000,
    paymentTermsDays: 60,
    salesRep: null,
    tags: [],
    notes: "",
    addresses: [],
    contacts: [],
    createdAt: 1,
    updatedAt: 1,
    ...over
  })
