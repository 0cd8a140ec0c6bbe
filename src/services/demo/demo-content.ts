/**
 * The demo publication: an original magazine written for Masthead. Every
 * person in it is fictional; places and institutions are real only as the
 * setting of analysis, never as the source of invented news.
 */
import { demoArticlesA } from './demo-articles-a.js';
import { demoArticlesB } from './demo-articles-b.js';
import { demoBriefs } from './demo-briefs.js';
import type { DemoPublication } from './demo-content-types.js';

export const demoPublication: DemoPublication = {
  title: 'The Meridian Review',
  tagline: 'Independent analysis of world affairs',
  description:
    'The Meridian Review is an independent magazine of foreign affairs: reporting, analysis and argument from the places where the world is being rearranged.',
  sections: [
    { slug: 'europe', name: 'Europe', description: 'The continent’s politics, borders and bargains, from the Atlantic to the Black Sea.' },
    { slug: 'asia', name: 'Asia', description: 'Power, trade and society across the Indo-Pacific and Central Asia.' },
    { slug: 'middle-east', name: 'Middle East', description: 'States, movements and markets from the Maghreb to the Gulf.' },
    { slug: 'africa', name: 'Africa', description: 'The fastest-changing continent, reported from its cities, ports and parliaments.' },
    { slug: 'americas', name: 'Americas', description: 'Hemispheric politics and economics, from the Arctic to Tierra del Fuego.' },
  ],
  types: [
    { slug: 'news', name: 'News', schemaType: 'NewsArticle', description: 'What happened and why it matters, reported and checked.' },
    {
      slug: 'analysis',
      name: 'Analysis',
      schemaType: 'AnalysisNewsArticle',
      description: 'Our writers explain the forces behind the news.',
    },
    {
      slug: 'opinion',
      name: 'Opinion',
      schemaType: 'OpinionNewsArticle',
      description: 'Arguments from our columnists and guest writers, who speak for themselves.',
    },
    {
      slug: 'review',
      name: 'Review',
      schemaType: 'ReviewNewsArticle',
      description: 'Books and ideas about the world, weighed by people who know it.',
    },
    { slug: 'explainer', name: 'Explainer', schemaType: 'BackgroundNewsArticle', description: 'The background you need, set out plainly.' },
    {
      slug: 'reportage',
      name: 'Reportage',
      schemaType: 'ReportageNewsArticle',
      description: 'Long-form reporting from the places in the story.',
    },
  ],
  topics: [
    {
      slug: 'energy-security',
      name: 'Energy security',
      description: 'Pipelines, grids, reactors and the politics of keeping the lights on.',
    },
    { slug: 'trade', name: 'Trade', description: 'Tariffs, corridors and the agreements that move goods across borders.' },
    { slug: 'migration', name: 'Migration', description: 'Why people move, and what states do about it.' },
    {
      slug: 'climate-diplomacy',
      name: 'Climate diplomacy',
      description: 'Negotiations, pledges and the money behind the energy transition.',
    },
    { slug: 'elections', name: 'Elections', description: 'Campaigns, coalitions and the machinery of the vote.' },
    { slug: 'maritime-security', name: 'Maritime security', description: 'Sea lanes, navies, piracy and the law of the sea.' },
    { slug: 'sanctions', name: 'Sanctions', description: 'Economic pressure as foreign policy, and how it is evaded.' },
    { slug: 'development-finance', name: 'Development finance', description: 'Lenders, debts and the projects they pay for.' },
    { slug: 'water', name: 'Water', description: 'Rivers, dams and treaties over the world’s scarcest resource.' },
    { slug: 'technology-policy', name: 'Technology policy', description: 'Chips, cables, data and the rules states write for them.' },
    { slug: 'food-security', name: 'Food security', description: 'Harvests, prices and the routes that feed the world.' },
    { slug: 'alliances', name: 'Alliances', description: 'Who stands with whom, and what it costs them.' },
    { slug: 'diaspora', name: 'Diaspora', description: 'Communities abroad and the ties that bind them to home.' },
    { slug: 'ports-and-shipping', name: 'Ports and shipping', description: 'The harbours, fleets and canals of global commerce.' },
  ],
  authors: [
    {
      slug: 'ines-halvorsen',
      name: 'Ines Halvorsen',
      title: 'Editor',
      bio: 'Ines Halvorsen edits The Meridian Review. She spent a decade reporting on Nordic and Baltic politics before turning to editing, and writes about alliances and the sea.',
      links: [{ label: 'Personal site', url: 'https://example.org/ines-halvorsen' }],
    },
    {
      slug: 'kwame-mensah-boateng',
      name: 'Kwame Mensah-Boateng',
      title: 'Africa correspondent',
      bio: 'Kwame Mensah-Boateng reports on West and East African politics and economics. He has covered elections in eleven countries and is writing a book about ports.',
      links: [{ label: 'Newsletter', url: 'https://example.org/kmb-letters' }],
    },
    {
      slug: 'mei-lin-okada',
      name: 'Mei-Lin Okada',
      title: 'Asia editor',
      bio: 'Mei-Lin Okada covers the Indo-Pacific from Singapore. Before journalism she worked as a shipping analyst, which explains her fondness for freight rates.',
      links: [{ label: 'Profile', url: 'https://example.com/mei-lin-okada' }],
    },
    {
      slug: 'daniel-ferreira-costa',
      name: 'Daniel Ferreira Costa',
      title: 'Americas correspondent',
      bio: 'Daniel Ferreira Costa writes about Latin American politics, trade and the energy transition. He divides his time between São Paulo and Mexico City.',
      links: [{ label: 'Personal site', url: 'https://example.org/dfcosta' }],
    },
    {
      slug: 'layla-haddad',
      name: 'Layla Haddad',
      title: 'Middle East editor',
      bio: 'Layla Haddad reports on the Levant and the Gulf. She has written on water politics, reconstruction finance and the region’s new diplomacy.',
      links: [{ label: 'Profile', url: 'https://example.com/layla-haddad' }],
    },
    {
      slug: 'tomas-berg',
      name: 'Tomas Berg',
      title: 'Contributing writer',
      bio: 'Tomas Berg is a contributing writer on European affairs and a former parliamentary researcher. He reviews books for The Meridian Review.',
      links: [{ label: 'Writing', url: 'https://example.org/tomas-berg' }],
    },
    {
      slug: 'priya-raman',
      name: 'Priya Raman',
      title: 'Economics writer',
      bio: 'Priya Raman writes about development finance, debt and food systems. She previously worked at a regional development bank.',
      links: [{ label: 'Profile', url: 'https://example.com/priya-raman' }],
    },
  ],
  articles: [...demoArticlesA, ...demoArticlesB],
  briefs: demoBriefs,
};
